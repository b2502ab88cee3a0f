// Entry points for the kernel's host (init/ code acting like init/main.c or a test harness):
// create kernel threads and user processes from outside any task, with the descriptors the host
// provides (captured output, a string as stdin).
import { EBADF } from '../uapi/errno.ts';
import { O_RDONLY, O_WRONLY, S_IFIFO } from '../uapi/fcntl.ts';
import { SIGCHLD } from '../uapi/signal.ts';
import type { UserGen } from '../uapi/syscalls.ts';
import { userMode } from './entry.ts';
import { doExecve } from './exec.ts';
import { doExit } from './exit.ts';
import { File, fdInstallAt, newFiles } from './file.ts';
import { copyProcess } from './fork.ts';
import type { Kernel } from './kernel.ts';
import { newInode } from './ramfs.ts';
import { flushSignalHandlers } from './signal.ts';
import type { KGen, Task } from './task.ts';
import { lookup } from './vfs.ts';

/** Output the host collects (a step's stdout/stderr), bounded so a flood cannot eat memory. */
export class Capture {
  data = '';
  dropped = 0;
  constructor(readonly limit = 1 << 20) {}
  append(s: string): void {
    const room = this.limit - this.data.length;
    if (s.length <= room) this.data += s;
    else {
      this.data += s.slice(0, Math.max(0, room));
      this.dropped += s.length - Math.max(0, room);
    }
  }
}

export function captureFile(k: Kernel, cap: Capture, name: string): File {
  const inode = newInode(k, k.pipeSb, S_IFIFO | 0o600);
  return new File(inode, { write: (_k, _f, d) => { cap.append(d); return d.length; }, read: () => -EBADF }, O_WRONLY, name);
}

/** A read-only stream of the given bytes, then end of file. */
export function stringFile(k: Kernel, data: string, name: string): File {
  const inode = newInode(k, k.pipeSb, S_IFIFO | 0o600);
  return new File(inode, {
    read(_k, f, count) {
      const out = data.slice(f.pos, f.pos + count);
      f.pos += out.length;
      return out;
    },
  }, O_RDONLY, name);
}

/**
 * Create a kernel thread from outside any task, as a child of `parent` (init by default). Such
 * threads stand for callers that already exist (a scenario's requesting threads), so they are
 * not refused by threads-max; everything they fork is. `flags` are the clone flags: a thread made
 * as kthread_run() makes it passes create_kthread()'s CLONE_FS | CLONE_FILES | SIGCHLD, and shares
 * its parent's fs and files instead of copying them.
 */
export function spawnKernelThread(k: Kernel, comm: string, body: (k: Kernel) => KGen<number>, parent: Task = k.initTask, tag = 0, flags = SIGCHLD): Task | number {
  const saved = k.sched.current;
  k.sched.current = parent;
  const savedTag = parent.tag;
  parent.tag = tag;
  const p = copyProcess(k, flags, () => body(k), { noLimit: true, comm, exitOnReturn: true });
  parent.tag = savedTag;
  k.sched.current = saved;
  return p;
}

export interface UserSpawn {
  path: string;
  argv: readonly string[];
  envp: readonly string[];
  cwd: string;
  fds: (File | null)[];
  /** Start a new session (and process group) for the process. */
  setsid: boolean;
}

/**
 * The body of a task that becomes a user process: descriptors from the host, default signal
 * handling, cwd, then exec (like a usermode helper). A failed exec exits with 127 and reports.
 */
export function* becomeUser(k: Kernel, spec: UserSpawn, onExecError?: (err: number) => void): KGen<never> {
  const t = k.current;
  if (t.files.users > 1) t.files.users--;
  t.files = newFiles();
  spec.fds.forEach((f, fd) => {
    if (f) {
      f.refs++;
      fdInstallAt(k, t, fd, f, false);
    }
  });
  const cwd = lookup(k, t, spec.cwd);
  t.fs = { root: k.rootInode, cwd: typeof cwd === 'number' ? k.rootInode : cwd.inode, umask: 0o022 };
  flushSignalHandlers(t, true);
  t.blocked = 0;
  t.nice = 0;
  if (spec.setsid) t.signal = { ...t.signal, pgrp: t.pid, session: t.pid, tty: null };
  const r = yield* doExecve(k, spec.path, spec.argv, spec.envp);
  if (r === 0) return yield* userMode(k, t);
  onExecError?.(r);
  return yield* doExit(k, 127 << 8);
}

/** Run a user program generator directly in a fresh process (tests of programs without files). */
export function* runAsUser(k: Kernel, prog: UserGen): KGen<never> {
  k.current.execPending = prog;
  return yield* userMode(k, k.current);
}
