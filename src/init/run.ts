// Running user programs from the host: a "scenario" kernel thread (a child of init) forks the
// process with the host's descriptors, waits for it, and records its wait status — the same
// path a usermode helper takes, so the trace shows it.
import { SIGCHLD } from '../uapi/signal.ts';
import { strerror } from '../uapi/errno.ts';
import { doWait } from '../kernel/exit.ts';
import { kernelThread } from '../kernel/fork.ts';
import { Capture, becomeUser, captureFile, spawnKernelThread, stringFile } from '../kernel/host.ts';
import type { File } from '../kernel/file.ts';
import type { Kernel } from '../kernel/kernel.ts';
import type { KGen } from '../kernel/task.ts';
import { kStat } from '../kernel/vfs_api.ts';
import { File as KFile } from '../kernel/file.ts';
import { lookup } from '../kernel/vfs.ts';

export const DEFAULT_ENV = ['HOME=/root', 'PATH=/sbin:/usr/sbin:/bin:/usr/bin', 'TERM=linux', 'USER=root', 'LOGNAME=root'];

export interface ProcessRun {
  stdout: Capture;
  stderr: Capture;
  /** Raw wait status once finished. */
  status: number;
  finished: boolean;
  pid: number;
}

export interface ProcessSpec {
  path: string;
  argv: readonly string[];
  envp?: readonly string[];
  cwd?: string;
  /** Bytes for stdin; absent = /dev/null. */
  stdin?: string;
  /** Step tag for "everything this step started has finished". */
  tag?: number;
}

function devNull(k: Kernel): File {
  const nd = lookup(k, k.idleTask, '/dev/null');
  if (typeof nd === 'number') return stringFile(k, '', '/dev/null');
  return new KFile(nd.inode, { read: () => '', write: (_k, _f, d) => d.length }, 2, '/dev/null');
}

/** Start a process; the run fills in as the machine runs. */
export function startProcess(k: Kernel, spec: ProcessSpec): ProcessRun {
  const run: ProcessRun = { stdout: new Capture(), stderr: new Capture(), status: -1, finished: false, pid: -1 };
  const stdin = spec.stdin !== undefined ? stringFile(k, spec.stdin, 'pipe:[stdin]') : devNull(k);
  const fds = [stdin, captureFile(k, run.stdout, 'pipe:[stdout]'), captureFile(k, run.stderr, 'pipe:[stderr]')];
  const cwd = spec.cwd ?? '/root';
  const harness = function* (kk: Kernel): KGen<number> {
    const pid = yield* kernelThread(kk, (k2: Kernel) => becomeUser(k2, {
      path: spec.path, argv: spec.argv, envp: spec.envp ?? DEFAULT_ENV, cwd: typeof kStat(k2, cwd) === 'number' ? '/' : cwd, fds, setsid: true,
    }, (err) => run.stderr.append(`khelper: cannot execute ${spec.path}: ${strerror(-err)}\n`)), null, SIGCHLD);
    run.pid = pid;
    if (pid < 0) {
      run.stderr.append(`khelper: fork failed: ${strerror(-pid)}\n`);
      run.status = 127 << 8;
      run.finished = true;
      return 0;
    }
    const r = yield* doWait(kk, pid, 0);
    run.status = typeof r === 'number' ? 127 << 8 : r.status;
    run.finished = true;
    return 0;
  };
  const t = spawnKernelThread(k, 'scenario', harness, k.initTask, spec.tag ?? 0);
  if (typeof t === 'number') {
    run.stderr.append(`khelper: cannot start: ${strerror(-t)}\n`);
    run.status = 127 << 8;
    run.finished = true;
  }
  return run;
}
