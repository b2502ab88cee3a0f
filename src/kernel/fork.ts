// kernel/fork.c: copy_process()/do_fork(), kernel_thread() and vfork. max_threads/nr_threads and
// RLIMIT_NPROC are checked as in 2.6.20 (-EAGAIN), pids are allocated as pidmap does.
import { EAGAIN } from '../uapi/errno.ts';
import { CLONE_FILES, CLONE_FS, CLONE_PARENT, CLONE_VFORK, CSIGNAL } from '../uapi/sched.ts';
import { RLIMIT_NPROC } from '../uapi/resource.ts';
import { CAP_SYS_ADMIN } from '../uapi/resource.ts';
import type { UserGen } from '../uapi/syscalls.ts';
import { Completion, waitForCompletion } from './completion.ts';
import { copyFiles, copyFs } from './file.ts';
import type { Kernel } from './kernel.ts';
import { shareSighand } from './signal.ts';
import { addChild, capable, PF_FORKNOEXEC, PF_KTHREAD, Task, TASK_RUNNING } from './task.ts';
import type { KGen } from './task.ts';
import { EV } from './trace.ts';
import { userMode } from './entry.ts';

/** RESERVED_PIDS (kernel/pid.c); the upper bound is pid_max (sysctl kernel.pid_max, 32768). */
const RESERVED_PIDS = 300;

export function allocPid(k: Kernel): number {
  const pidMax = k.sysctl.pidMax;
  for (let tries = 0; tries < pidMax; tries++) {
    let pid = k.lastPid + 1;
    if (pid >= pidMax) pid = RESERVED_PIDS;
    k.lastPid = pid;
    if (!k.tasks.has(pid)) return pid;
  }
  return -EAGAIN;
}

/** Processes of this user (RLIMIT_NPROC counts them, as user_struct->processes does). */
function userProcesses(k: Kernel, uid: number): number {
  let n = 0;
  // user->processes drops at release_task(): zombies still count until they are reaped.
  for (const t of k.tasks.values()) if (t.cred.uid === uid) n++;
  return n;
}

/**
 * copy_process(): a new task sharing or copying the parent's parts per clone flags. `body`
 * becomes its code. Returns the task, or -errno (EAGAIN at max_threads or RLIMIT_NPROC).
 */
export interface CopyOpts {
  noLimit?: boolean;
  comm?: string;
  /** A kernel thread: do_exit() with the body's return value (Kernel.taskReturned). */
  exitOnReturn?: boolean;
}

export function copyProcess(k: Kernel, flags: number, body: (t: Task) => KGen<unknown>, opts: CopyOpts = {}): Task | number {
  const cur = k.current;
  if (cur.cred.uid !== 0 && !capable(cur.cred, CAP_SYS_ADMIN)) {
    if (userProcesses(k, cur.cred.uid) >= cur.signal.rlim[RLIMIT_NPROC].cur) return -EAGAIN;
  }
  if (k.nrThreads >= k.maxThreads && !opts.noLimit) return -EAGAIN;
  const pid = allocPid(k);
  if (pid < 0) return pid;
  const p = new Task();
  p.pid = pid;
  p.comm = opts.comm ?? cur.comm;
  p.flags = (cur.flags & PF_KTHREAD) | PF_FORKNOEXEC;
  p.mm = cur.mm;
  // Credentials are only ever replaced whole (commit_creds()), so parent and child can share them.
  p.cred = cur.cred;
  if (flags & CLONE_FILES) {
    p.files = cur.files;
    cur.files.users++;
  } else {
    p.files = copyFiles(k, cur.files);
  }
  p.fs = flags & CLONE_FS ? cur.fs : copyFs(cur.fs);
  p.sighand = shareSighand(cur.sighand);
  // The rlimit array is shared too; setRlimit() copies it before a change.
  p.signal = { ...cur.signal };
  p.blocked = cur.blocked;
  p.pending = 0;
  p.nice = cur.nice;
  p.cpusAllowed = cur.cpusAllowed;
  p.exitSignal = flags & CSIGNAL;
  p.argv = cur.argv;
  p.envp = cur.envp;
  p.exe = cur.exe;
  p.tag = cur.tag;
  p.startTime = k.sched.now;
  const parent = flags & CLONE_PARENT ? cur.realParent ?? cur : cur;
  p.parent = p.realParent = parent;
  addChild(parent, p);
  k.tasks.set(pid, p);
  k.nrThreads++;
  k.taskForked(p);
  if (flags & CLONE_VFORK) p.vforkDone = new Completion('vfork');
  if (opts.exitOnReturn) {
    p.exitOnReturn = true;
    p.startFn = body;
  } else {
    p.gen = body(p);
  }
  p.state = TASK_RUNNING;
  k.sched.charge(k.config.costs.fork);
  const tr = k.trace;
  if (tr.begin(EV.sched_process_fork, k.sched.now, cur, k.srcMark)) tr.comm(cur).i(cur.pid).comm(p).i(p.pid).i(flags);
  k.srcMark = 0;
  k.sched.enqueue(p);
  return p;
}

/** do_fork() tail: wake the child and, for CLONE_VFORK, sleep until it execs or exits. */
export function* doFork(k: Kernel, flags: number, body: (t: Task) => KGen<unknown>, opts?: CopyOpts): KGen<number> {
  const p = copyProcess(k, flags, body, opts);
  if (typeof p === 'number') return p;
  if (flags & CLONE_VFORK && p.vforkDone) {
    const cur = k.current;
    cur.wchan = 'vfork';
    yield* waitForCompletion(k, p.vforkDone);
  }
  return p.pid;
}

/**
 * kernel_thread(fn, arg, flags): fn runs in a new kernel thread; its return value is passed to
 * do_exit() (kernel_thread_helper). Returns the pid or -errno.
 */
export function kernelThread<A>(k: Kernel, fn: (k: Kernel, arg: A) => KGen<number>, arg: A, flags: number): KGen<number> {
  return doFork(k, flags, () => fn(k, arg), KERNEL_THREAD);
}

const KERNEL_THREAD: CopyOpts = { exitOnReturn: true };

/** sys_fork()/vfork() from user space: the child runs `child` as its user program. */
export function* sysFork(k: Kernel, child: () => UserGen, flags: number): KGen<number> {
  // fork() is clone(SIGCHLD): the parent hears of the child's death.
  if (!(flags & CSIGNAL)) flags |= 17;
  return yield* doFork(k, flags, (t) => forkedUser(k, t, child));
}

function* forkedUser(k: Kernel, t: Task, child: () => UserGen): KGen<never> {
  t.execPending = child();
  return yield* userMode(k, t);
}
