// The callUsermodehelperPipe step: 2.6.20's call_usermodehelper_pipe() hands back the pipe's
// write end; 6.6 has no such API any more, so it is done as fs/coredump.c does (an init callback
// installs the read end as fd 0, UMH_WAIT_EXEC). The input is written, then the pipe is closed.
import type { File } from '../kernel/file.ts';
import { fdInstallAt, fput } from '../kernel/file.ts';
import type { Kernel } from '../kernel/kernel.ts';
import { callUsermodehelperPipe } from '../kernel/kmod.ts';
import { createPipe } from '../kernel/pipe.ts';
import { writeAllBlocking } from '../kernel/sys_rw.ts';
import type { KGen } from '../kernel/task.ts';
import { callUsermodehelperExec, callUsermodehelperSetup, UMH_WAIT_EXEC } from '../kernel/umh.ts';

export function* umhPipe(k: Kernel, path: string, argv: readonly string[], envp: readonly string[], input: string): KGen<number> {
  let ret: number;
  let w: File | null = null;
  if (k.legacy) {
    [ret, w] = yield* callUsermodehelperPipe(k, path, argv, envp);
  } else {
    const info = callUsermodehelperSetup(k, path, argv, envp, (kk) => {
      const [r, wr] = createPipe(kk);
      w = wr;
      fdInstallAt(kk, kk.current, 0, r, false);
      return 0;
    });
    ret = yield* callUsermodehelperExec(k, info, UMH_WAIT_EXEC);
  }
  const wf = w as File | null;
  if (wf) {
    if (ret === 0 && input) yield* writeAllBlocking(k, wf, input);
    fput(k, wf);
  }
  return ret;
}
