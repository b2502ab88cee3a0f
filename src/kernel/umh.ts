// Linux 6.6 kernel/umh.c: call_usermodehelper_setup()/_exec() on system_unbound_wq, the
// UMH_NO_WAIT/UMH_WAIT_EXEC/UMH_WAIT_PROC/UMH_KILLABLE modes, umh_complete()'s ownership hand-off
// for a killed waiter, the disable depth (-EBUSY until enabled) and usermodehelper_disable().
import { EAGAIN, EBUSY, EINVAL, ENOMEM } from '../uapi/errno.ts';
import { CLONE_PARENT } from '../uapi/sched.ts';
import { SIGCHLD } from '../uapi/signal.ts';
import { Completion, complete, waitForCompletion, waitForCompletionKillable } from './completion.ts';
import { doExecve } from './exec.ts';
import { doExit, doWait } from './exit.ts';
import { kernelThread } from './fork.ts';
import type { Kernel } from './kernel.ts';
import { doSigaction, flushSignalHandlers } from './signal.ts';
import type { KGen } from './task.ts';
import { EV } from './trace.ts';
import { initWork, queueWork } from './workqueue.ts';
import type { WorkStruct, Workqueue } from './workqueue.ts';
import { userMode } from './entry.ts';
import { WaitQueue, waitEventTimeout, wakeUp } from './wait.ts';

export const UMH_NO_WAIT = 0, UMH_WAIT_EXEC = 1, UMH_WAIT_PROC = 2, UMH_KILLABLE = 4, UMH_FREEZABLE = 8;
export const UMH_ENABLED = 0, UMH_FREEZING = 1, UMH_DISABLED = 2;
/** RUNNING_HELPERS_TIMEOUT: usermodehelper_disable() waits this long for helpers to finish. */
const RUNNING_HELPERS_TIMEOUT = 5e9;

export interface UmhState {
  disabled: number;
  runningHelpers: number;
  readonly helpersWaitq: WaitQueue;
  /** /proc/sys/kernel/usermodehelper/{bset,inheritable}: two 32-bit words each. */
  bset: [number, number];
  inheritable: [number, number];
  unboundWq: Workqueue | null;
  /** CONFIG_STATIC_USERMODEHELPER_PATH, or null when not configured. */
  staticPath: string | null;
}

export function newUmhState(): UmhState {
  return {
    disabled: UMH_DISABLED, runningHelpers: 0, helpersWaitq: new WaitQueue('running_helpers'),
    bset: [0xffffffff >>> 0, 0x1ff], inheritable: [0xffffffff >>> 0, 0x1ff], unboundWq: null, staticPath: null,
  };
}

export interface SubprocessInfo66 {
  /** NULL (null) once umh_complete() or a killed waiter took ownership. */
  complete: Completion | null;
  path: string | null;
  argv: readonly string[];
  envp: readonly string[];
  wait: number;
  retval: number;
  /** init(info): runs in the child before exec; non-zero aborts with that value. */
  init: ((k: Kernel, info: SubprocessInfo66) => number) | null;
  cleanup: ((info: SubprocessInfo66) => void) | null;
  freed: boolean;
}

/** call_usermodehelper_setup(); CONFIG_STATIC_USERMODEHELPER replaces the path, not argv. */
export function callUsermodehelperSetup(k: Kernel, path: string | null, argv: readonly string[], envp: readonly string[],
  init: SubprocessInfo66['init'] = null, cleanup: SubprocessInfo66['cleanup'] = null): SubprocessInfo66 {
  const p = k.umh.staticPath !== null ? k.umh.staticPath : path;
  return { complete: null, path: p, argv, envp, wait: 0, retval: 0, init, cleanup, freed: false };
}

function freeinfo(info: SubprocessInfo66): void {
  if (info.freed) return;
  info.freed = true;
  info.cleanup?.(info);
}

/** umh_complete(): complete the waiter, or free the info if nobody waits any more. */
function umhComplete(k: Kernel, info: SubprocessInfo66): void {
  const comp = info.complete;
  info.complete = null;
  if (comp) complete(k, comp);
  else freeinfo(info);
}

/** call_usermodehelper_exec_async(): the child that becomes the helper. */
function* execAsync(k: Kernel, info: SubprocessInfo66): KGen<number> {
  const cur = k.current;
  flushSignalHandlers(cur, true);
  cur.fs = { ...cur.fs, umask: 0o022 };
  // "Our parent (unbound workqueue) runs with elevated scheduling priority."
  cur.nice = 0;
  cur.cred = {
    ...cur.cred,
    capBset: [cur.cred.capBset[0] & k.umh.bset[0], cur.cred.capBset[1] & k.umh.bset[1]],
    capInheritable: [cur.cred.capInheritable[0] & k.umh.inheritable[0], cur.cred.capInheritable[1] & k.umh.inheritable[1]],
  };
  let retval = 0;
  if (info.init) retval = info.init(k, info);
  if (!retval) retval = yield* doExecve(k, info.path!, info.argv, info.envp);
  info.retval = retval;
  // call_usermodehelper_exec_sync() completes for UMH_WAIT_PROC.
  if (!(info.wait & UMH_WAIT_PROC)) umhComplete(k, info);
  if (!retval) {
    cur.umhHelper = true;
    k.kmod.runningHelpers++;
    return yield* userMode(k, cur);
  }
  return yield* doExit(k, 0);
}

/** call_usermodehelper_exec_sync(): UMH_WAIT_PROC, waiting in the kworker itself. */
function* execSync(k: Kernel, info: SubprocessInfo66): KGen<void> {
  const cur = k.current;
  // "If SIGCLD is ignored do_wait won't populate the status."
  doSigaction(k, cur, SIGCHLD, { handler: 'default', mask: 0, flags: 0 });
  const pid = yield* kernelThread(k, execAsync, info, SIGCHLD);
  if (pid < 0) info.retval = pid;
  else {
    const r = yield* doWait(k, pid, 0);
    // kernel_wait() stores the status only when it is non-zero, so exec errors survive.
    if (typeof r !== 'number' && r.status) info.retval = r.status;
  }
  doSigaction(k, cur, SIGCHLD, { handler: 'ignore', mask: 0, flags: 0 });
  umhComplete(k, info);
}

/** call_usermodehelper_exec_work(). */
function* execWork(k: Kernel, info: SubprocessInfo66): KGen<void> {
  if (info.wait & UMH_WAIT_PROC) {
    yield* execSync(k, info);
  } else {
    // CLONE_PARENT: reparented to kthreadd, which ignores SIGCHLD, so it is auto-reaped.
    const pid = yield* kernelThread(k, execAsync, info, CLONE_PARENT | SIGCHLD);
    if (pid < 0) {
      info.retval = pid;
      umhComplete(k, info);
    }
  }
}

const execWorkFn = (k: Kernel, w: WorkStruct): KGen<void> => execWork(k, w.data as SubprocessInfo66);

/** call_usermodehelper_exec(info, wait). */
export function* callUsermodehelperExec(k: Kernel, info: SubprocessInfo66, wait: number): KGen<number> {
  const tr = k.trace;
  if (tr.begin(EV.umh_call, k.sched.now, k.current)) tr.s(info.path ?? '(null)').i(wait);
  const ret = yield* execInner(k, info, wait);
  if (tr.begin(EV.umh_ret, k.sched.now, k.current)) tr.s(info.path ?? '(null)').i(ret);
  return ret;
}

function* execInner(k: Kernel, info: SubprocessInfo66, wait: number): KGen<number> {
  if (info.path === null) {
    freeinfo(info);
    return -EINVAL;
  }
  const st = k.umh;
  st.runningHelpers++; // helper_lock()
  try {
    if (st.disabled) {
      freeinfo(info);
      return -EBUSY;
    }
    // "If there is no binary for us to call, then just return and get out of here."
    if (info.path.length === 0) {
      freeinfo(info);
      return 0;
    }
    const done = new Completion('sub_info.complete');
    info.complete = wait === UMH_NO_WAIT ? null : done;
    info.wait = wait;
    queueWork(k, st.unboundWq!, initWork(k, execWorkFn, 'call_usermodehelper_exec_work', info));
    if (wait === UMH_NO_WAIT) return 0;
    if (wait & UMH_KILLABLE) {
      const r = yield* waitForCompletionKillable(k, done);
      if (!r) {
        const retval = info.retval;
        freeinfo(info);
        return retval;
      }
      // umh_complete() will see NULL and free sub_info.
      if (info.complete) {
        info.complete = null;
        return r;
      }
    }
    yield* waitForCompletion(k, done);
    const retval = info.retval;
    freeinfo(info);
    return retval;
  } finally {
    // helper_unlock()
    if (--st.runningHelpers === 0) wakeUp(k, st.helpersWaitq);
  }
}

/** call_usermodehelper(path, argv, envp, wait). */
export function* callUsermodehelper(k: Kernel, path: string, argv: readonly string[], envp: readonly string[], wait: number): KGen<number> {
  const info = callUsermodehelperSetup(k, path, argv, envp);
  if (!info) return -ENOMEM;
  return yield* callUsermodehelperExec(k, info, wait);
}

/** __usermodehelper_disable(depth): 0, or -EAGAIN (re-enabled) if helpers still run after 5 s. */
export function* usermodehelperDisable(k: Kernel, depth = UMH_DISABLED): KGen<number> {
  if (!depth) return -EINVAL;
  const st = k.umh;
  st.disabled = depth;
  const left = yield* waitEventTimeout(k, st.helpersWaitq, () => st.runningHelpers === 0, 'uninterruptible', RUNNING_HELPERS_TIMEOUT, 'usermodehelper_disable');
  if (left) return 0;
  st.disabled = UMH_ENABLED;
  return -EAGAIN;
}

export function usermodehelperEnable(k: Kernel): void {
  k.umh.disabled = UMH_ENABLED;
}
