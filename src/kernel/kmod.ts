// Linux 2.6.20 kernel/kmod.c (the seed), function by function; the numbers passed to line() are
// the seed's own line numbers, so the UI can light the line a task executes. Left out: session
// keyrings (key_get/__install_session_keyring are no-ops here).
import { EBUSY, ENAMETOOLONG, ENOMEM, ENOSYS, EPERM } from '../uapi/errno.ts';
import { CLONE_FILES, CLONE_FS, CLONE_VFORK } from '../uapi/sched.ts';
import { RLIMIT_CORE, KERN_ERR } from '../uapi/resource.ts';
import { SIGCHLD, sigmask } from '../uapi/signal.ts';
import { Completion, complete, waitForCompletion } from './completion.ts';
import { doExecve } from './exec.ts';
import { doExit, doWait } from './exit.ts';
import { fdInstallAt, closeFd } from './file.ts';
import type { File } from './file.ts';
import { kernelThread } from './fork.ts';
import type { Kernel } from './kernel.ts';
import { createPipe } from './pipe.ts';
import { printk } from './printk.ts';
import { moduleNameLen } from './profile.ts';
import { allowSignal, doSigaction, flushSignalHandlers, flushSignals } from './signal.ts';
import { BREAK, setRlimit } from './task.ts';
import type { KGen } from './task.ts';
import { EV } from './trace.ts';
import { createSinglethreadWorkqueue, initWork, queueWork } from './workqueue.ts';
import type { WorkStruct, Workqueue } from './workqueue.ts';
import { userMode } from './entry.ts';

export const KMOD_PATH_LEN = 256;
/** "Completely arbitrary value - KAO" */
export const MAX_KMOD_CONCURRENT = 50;

export interface KmodState {
  modprobePath: string;
  /** static atomic_t kmod_concurrent (2.6.20) */
  kmodConcurrent: number;
  /** static int kmod_loop_msg: counts rejections; only the first five are printed, ever. */
  kmodLoopMsg: number;
  khelperWq: Workqueue | null;
  /** Helpers currently between fork and exit, for the UI's counters. */
  runningHelpers: number;
}

export function newKmodState(modprobePath: string): KmodState {
  return { modprobePath, kmodConcurrent: 0, kmodLoopMsg: 0, khelperWq: null, runningHelpers: 0 };
}

/** struct subprocess_info (2.6.20: on the caller's stack). */
export interface SubprocessInfo {
  complete: Completion;
  path: string;
  argv: readonly string[];
  envp: readonly string[];
  wait: number;
  retval: number;
  stdin: File | null;
  /** Extra helper setup (the 6.6 init callback, e.g. core dump RLIMIT_CORE); not in 2.6.20. */
  init?: (k: Kernel) => number;
}

/**
 * Mark that the current task executes seed line n (a kmod_line event with its src mark). Returns
 * true when a breakpoint or line-step wants the machine to stop here: the caller yields BREAK.
 */
export function line(k: Kernel, n: number, fn: string): boolean {
  const t = k.sched.current;
  if (t) t.srcLine = n;
  const tr = k.trace;
  if (tr.begin(EV.kmod_line, k.sched.now, k.sched.ctx(), n)) tr.s(fn);
  return k.lineStop(n);
}

export const MODPROBE_ENVP = ['HOME=/', 'TERM=linux', 'PATH=/sbin:/usr/sbin:/bin:/usr/bin'] as const;

/** request_module(fmt, ...) with the name already formatted (`name` is vsnprintf's full output). */
export function* requestModule(k: Kernel, name: string): KGen<number> {
  const st = k.kmod;
  const tr = k.trace;
  if (!k.config.kmod) return -ENOSYS; // CONFIG_KMOD=n: a static inline returning -ENOSYS
  if (line(k, 64, 'request_module')) yield BREAK;
  if (tr.begin(EV.module_request, k.sched.now, k.current, 64)) tr.s(name).i(1);
  if (line(k, 80, 'request_module')) yield BREAK;
  if (name.length >= moduleNameLen(k.config.arch)) {
    if (line(k, 83, 'request_module')) yield BREAK;
    return endRequest(k, name, -ENAMETOOLONG, 83);
  }
  const argv = [st.modprobePath, '-q', '--', name];
  const maxModprobes = Math.min(Math.floor(k.maxThreads / 2), MAX_KMOD_CONCURRENT);
  if (line(k, 97, 'request_module')) yield BREAK;
  st.kmodConcurrent++;
  if (tr.begin(EV.kmod_concurrent, k.sched.now, k.current, 98)) tr.i(st.kmodConcurrent).i(maxModprobes);
  if (line(k, 99, 'request_module')) yield BREAK;
  if (st.kmodConcurrent > maxModprobes) {
    // "We may be blaming an innocent here, but unlikely"
    if (st.kmodLoopMsg++ < 5) {
      if (line(k, 102, 'request_module')) yield BREAK;
      printk(k, KERN_ERR, `request_module: runaway loop modprobe ${name}`, 0, 102);
    }
    st.kmodConcurrent--;
    if (line(k, 106, 'request_module')) yield BREAK;
    return endRequest(k, name, -ENOMEM, 106);
  }
  if (line(k, 109, 'request_module')) yield BREAK;
  const ret = yield* callUsermodehelperKeys(k, st.modprobePath, argv, MODPROBE_ENVP, 1);
  st.kmodConcurrent--;
  if (tr.begin(EV.kmod_concurrent, k.sched.now, k.current, 110)) tr.i(st.kmodConcurrent).i(maxModprobes);
  if (line(k, 111, 'request_module')) yield BREAK;
  return endRequest(k, name, ret, 111);
}

function endRequest(k: Kernel, name: string, ret: number, src: number): number {
  const tr = k.trace;
  if (tr.begin(EV.module_request_ret, k.sched.now, k.current, src)) tr.s(name).i(ret);
  return ret;
}

/** ____call_usermodehelper(): the task that becomes the helper. */
function* ____callUsermodehelper(k: Kernel, sub: SubprocessInfo): KGen<number> {
  const cur = k.current;
  const fn = '____call_usermodehelper';
  if (line(k, 138, fn)) yield BREAK;
  // Unblock all signals and set the session keyring (keyrings are not modelled).
  flushSignals(cur);
  if (line(k, 139, fn)) yield BREAK;
  flushSignalHandlers(cur, true);
  if (line(k, 142, fn)) yield BREAK;
  cur.blocked = 0;
  if (line(k, 143, fn)) yield BREAK;
  if (sub.stdin) {
    // Install input pipe when needed
    if (line(k, 150, fn)) yield BREAK;
    closeFd(k, cur, 0);
    fdInstallAt(k, cur, 0, sub.stdin, false);
    sub.stdin.refs++;
    if (line(k, 155, fn)) yield BREAK;
    // and disallow core files too
    setRlimit(cur, RLIMIT_CORE, { cur: 0, max: 0 });
    if (line(k, 163, fn)) yield BREAK;
  }
  // We can run anywhere, unlike our parent keventd().
  cur.cpusAllowed = k.cpuMaskAll;
  if (line(k, 167, fn)) yield BREAK;
  let retval = -EPERM;
  if (line(k, 169, fn)) yield BREAK;
  if (cur.fs.root) {
    if (line(k, 171, fn)) yield BREAK;
    retval = yield* doExecve(k, sub.path, sub.argv, sub.envp, 171);
  }
  if (retval === 0) {
    cur.umhHelper = true;
    k.kmod.runningHelpers++;
    return yield* userMode(k, cur);
  }
  // Exec failed?
  sub.retval = retval;
  if (line(k, 175, fn)) yield BREAK;
  if (line(k, 176, fn)) yield BREAK;
  return yield* doExit(k, 0);
}

/** wait_for_helper(): "Keventd can't block, but this (a child) can." */
function* waitForHelper(k: Kernel, sub: SubprocessInfo): KGen<number> {
  const cur = k.current;
  const fn = 'wait_for_helper';
  cur.comm = 'khelper';
  // Install a handler: if SIGCLD isn't handled sys_wait4 won't populate the status.
  if (line(k, 188, fn)) yield BREAK;
  doSigaction(k, cur, SIGCHLD, { handler: 'ignore', mask: sigmask(SIGCHLD), flags: 0 });
  if (line(k, 191, fn)) yield BREAK;
  allowSignal(cur, SIGCHLD);
  if (line(k, 192, fn)) yield BREAK;
  if (line(k, 194, fn)) yield BREAK;
  k.srcMark = 194;
  const pid = yield* kernelThread(k, ____callUsermodehelper, sub, SIGCHLD);
  if (pid < 0) {
    sub.retval = pid;
    if (line(k, 196, fn)) yield BREAK;
  } else {
    if (line(k, 209, fn)) yield BREAK;
    k.srcMark = 209;
    const r = yield* doWait(k, pid, 0);
    const ret = typeof r === 'number' ? 0 : r.status;
    // "If ret is 0, either ____call_usermodehelper failed and the real error code is already in
    // sub_info->retval or sub_info->retval is 0 anyway, so don't mess with it then."
    if (ret) {
      sub.retval = ret;
      if (line(k, 217, fn)) yield BREAK;
    }
  }
  if (sub.wait < 0 && k.config.profile === '2.6.21') {
    // 2.6.21: "don't wait at all" — nobody waits, so the helper thread frees sub_info.
    return 0;
  }
  if (line(k, 220, fn)) yield BREAK;
  complete(k, sub.complete, 220);
  return 0;
}

/** __call_usermodehelper(): run by the khelper thread. */
function* __callUsermodehelper(k: Kernel, sub: SubprocessInfo): KGen<void> {
  const fn = '__call_usermodehelper';
  const wait = sub.wait;
  if (line(k, 230, fn)) yield BREAK;
  let pid: number;
  // CLONE_VFORK: wait until the usermode helper has execve'd successfully.
  if (wait) {
    if (line(k, 236, fn)) yield BREAK;
    k.srcMark = 236;
    pid = yield* kernelThread(k, waitForHelper, sub, CLONE_FS | CLONE_FILES | SIGCHLD);
  } else {
    if (line(k, 239, fn)) yield BREAK;
    k.srcMark = 239;
    pid = yield* kernelThread(k, ____callUsermodehelper, sub, CLONE_VFORK | SIGCHLD);
  }
  if (pid < 0) {
    sub.retval = pid;
    if (line(k, 243, fn)) yield BREAK;
    complete(k, sub.complete, 244);
  } else if (!wait) {
    if (line(k, 246, fn)) yield BREAK;
    complete(k, sub.complete, 246);
  }
}

/** The work function of a queued helper request: __call_usermodehelper(sub_info). */
const callUsermodehelperWork = (k: Kernel, w: WorkStruct): KGen<void> => __callUsermodehelper(k, w.data as SubprocessInfo);

/** call_usermodehelper_keys(path, argv, envp, session_keyring, wait). */
export function* callUsermodehelperKeys(k: Kernel, path: string, argv: readonly string[], envp: readonly string[], wait: number): KGen<number> {
  const fn = 'call_usermodehelper_keys';
  if (line(k, 264, fn)) yield BREAK;
  const sub: SubprocessInfo = { complete: new Completion('sub_info.complete'), path, argv, envp, wait, retval: 0, stdin: null };
  const tr = k.trace;
  if (tr.begin(EV.umh_call, k.sched.now, k.current, 264)) tr.s(path).i(wait);
  if (!k.kmod.khelperWq) {
    if (line(k, 281, fn)) yield BREAK;
    return umhRet(k, path, -EBUSY, 281);
  }
  if (path[0] === undefined || path[0] === '\0') {
    if (line(k, 284, fn)) yield BREAK;
    return umhRet(k, path, 0, 284);
  }
  if (line(k, 286, fn)) yield BREAK;
  queueWork(k, k.kmod.khelperWq, initWork(k, callUsermodehelperWork, '__call_usermodehelper', sub), 286);
  // 2.6.21 (a98f0dd34d): wait < 0 returns at once; errors are lost ("task has freed sub_info").
  if (wait < 0 && k.config.profile === '2.6.21') return umhRet(k, path, 0, 0);
  if (line(k, 287, fn)) yield BREAK;
  yield* waitForCompletion(k, sub.complete, 287);
  if (line(k, 288, fn)) yield BREAK;
  return umhRet(k, path, sub.retval, 288);
}

function umhRet(k: Kernel, path: string, ret: number, src: number): number {
  const tr = k.trace;
  if (tr.begin(EV.umh_ret, k.sched.now, k.current, src)) tr.s(path).i(ret);
  return ret;
}

/**
 * call_usermodehelper_pipe(): like wait=0, with a pipe whose read end becomes the helper's fd 0.
 * Returns [ret, writeEnd]; the write end is null when nothing ran (empty path, errors before it).
 */
export function* callUsermodehelperPipe(k: Kernel, path: string, argv: readonly string[], envp: readonly string[]): KGen<[number, File | null]> {
  const fn = 'call_usermodehelper_pipe';
  if (line(k, 292, fn)) yield BREAK;
  const sub: SubprocessInfo = { complete: new Completion('sub_info.complete'), path, argv, envp, wait: 0, retval: 0, stdin: null };
  if (!k.kmod.khelperWq) return [umhRet(k, path, -EBUSY, 308), null];
  if (path[0] === undefined || path[0] === '\0') return [umhRet(k, path, 0, 311), null];
  if (line(k, 313, fn)) yield BREAK;
  const [r, w] = createPipe(k);
  if (line(k, 318, fn)) yield BREAK;
  sub.stdin = r;
  if (line(k, 323, fn)) yield BREAK;
  if (line(k, 325, fn)) yield BREAK;
  queueWork(k, k.kmod.khelperWq, initWork(k, callUsermodehelperWork, '__call_usermodehelper', sub), 325);
  if (line(k, 326, fn)) yield BREAK;
  yield* waitForCompletion(k, sub.complete, 326);
  // The helper holds its own reference to the read end now.
  r.refs--;
  if (r.refs === 0) r.ops.release?.(k, r);
  return [umhRet(k, path, sub.retval, 327), w];
}

/** usermodehelper_init(): called from do_basic_setup(). */
export function* usermodehelperInit(k: Kernel): KGen<void> {
  if (line(k, 333, 'usermodehelper_init')) yield BREAK;
  k.kmod.khelperWq = yield* createSinglethreadWorkqueue(k, 'khelper');
}
