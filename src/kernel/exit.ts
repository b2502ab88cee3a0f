// kernel/exit.c: do_exit(), exit_notify() with auto-reaping for parents that ignore SIGCHLD,
// reparenting to init, and do_wait() (wait4) with Linux's status encoding.
import { ECHILD, ERESTARTSYS } from '../uapi/errno.ts';
import { SIGCHLD, SIGKILL } from '../uapi/signal.ts';
import { WNOHANG, WUNTRACED, WCONTINUED, __WALL, __WCLONE } from '../uapi/wait.ts';
import { complete } from './completion.ts';
import { exitFiles } from './file.ts';
import type { Kernel } from './kernel.ts';
import { putSighand, sendSignal, signalPending } from './signal.ts';
import { addChild, BREAK, EXIT_DEAD, EXIT_ZOMBIE, PF_EXITING, SCHED, TASK_INTERRUPTIBLE, TASK_RUNNING } from './task.ts';
import type { KGen, Task } from './task.ts';
import { EV } from './trace.ts';

/** do_exit(code): code is the raw wait status (exit_group passes (n & 0xff) << 8). */
export function* doExit(k: Kernel, code: number): KGen<never> {
  const t = k.current;
  if (t.flags & PF_EXITING) throw new Error(`BUG: recursive do_exit in ${t.comm}/${t.pid}`);
  t.flags |= PF_EXITING;
  k.sched.charge(k.config.costs.exit);
  if (t.alarmTimer) t.alarmTimer.cancelled = true;
  t.exitCode = code;
  const tr = k.trace;
  if (tr.begin(EV.sched_process_exit, k.sched.now, t)) tr.comm(t).i(t.pid).i(code);
  exitFiles(k, t);
  putSighand(t);
  // mm_release(): a vfork parent waits for our exec or exit.
  if (t.vforkDone) {
    complete(k, t.vforkDone);
    t.vforkDone = null;
  }
  k.exitHooks(t);
  exitNotify(k, t);
  t.state = TASK_RUNNING; // not runnable: exitState marks it
  for (;;) yield SCHED;
}

/** Reparent t's children to init (forget_original_parent), notifying for those already dead. */
function forgetOriginalParent(k: Kernel, t: Task): void {
  if (t.children.size === 0) return;
  const reaper = k.initTask;
  for (const c of [...t.children]) {
    t.children.delete(c);
    c.parent = c.realParent = reaper;
    addChild(reaper, c);
    if (c.exitState === EXIT_ZOMBIE) {
      if (c.exitSignal !== -1) doNotifyParent(k, c, c.exitSignal);
      if (c.exitSignal === -1) release(k, c);
    }
  }
}

/** do_notify_parent(): SIGCHLD to the parent, or auto-reap when it ignores SIGCHLD. */
function doNotifyParent(k: Kernel, t: Task, sig: number): void {
  const parent = t.parent!;
  const act = parent.sighand.action[SIGCHLD];
  if (sig === SIGCHLD && (act.handler === 'ignore' || act.flags & 2 /* SA_NOCLDWAIT */)) {
    // "We are exiting and our parent doesn't care": no zombie (2.6.20 do_notify_parent).
    t.exitSignal = -1;
    if (act.handler === 'ignore') sig = 0;
  }
  if (sig > 0) sendSignal(k, sig, parent);
  wakeParent(k, parent);
}

function wakeParent(k: Kernel, parent: Task): void {
  if (parent.waitChldExit) k.sched.wakeUp(parent, TASK_INTERRUPTIBLE);
}

function exitNotify(k: Kernel, t: Task): void {
  forgetOriginalParent(k, t);
  if (t.exitSignal !== -1) doNotifyParent(k, t, t.exitSignal);
  else wakeParent(k, t.parent!);
  if (t.exitSignal === -1) {
    t.exitState = EXIT_DEAD;
    release(k, t);
  } else {
    t.exitState = EXIT_ZOMBIE;
  }
}

/** release_task(): forget the task entirely. */
export function release(k: Kernel, t: Task): void {
  t.exitState = EXIT_DEAD;
  t.parent?.children.delete(t);
  if (k.tasks.get(t.pid) === t) {
    k.tasks.delete(t.pid);
    k.nrThreads--;
    const tr = k.trace;
    if (tr.begin(EV.sched_process_free, k.sched.now, k.sched.ctx())) tr.comm(t).i(t.pid);
  }
  t.gen = null;
  t.user = null;
  k.released(t);
}

/** eligible_child(): the pid selector and the __WCLONE/__WALL rule for non-SIGCHLD children. */
function eligible(t: Task, c: Task, pid: number, options: number): boolean {
  if (pid > 0 && c.pid !== pid) return false;
  if (pid === 0 && c.signal.pgrp !== t.signal.pgrp) return false;
  if (pid < -1 && c.signal.pgrp !== -pid) return false;
  if (((c.exitSignal !== SIGCHLD) !== ((options & __WCLONE) !== 0)) && !(options & __WALL)) return false;
  return true;
}

export interface WaitOutcome {
  pid: number;
  status: number;
}

/**
 * do_wait(): reap a zombie child (or report a stopped/continued one). Returns the outcome, 0
 * with WNOHANG when nothing is ready, -ECHILD when no child qualifies, -ERESTARTSYS on a signal.
 */
export function* doWait(k: Kernel, pid: number, options: number): KGen<WaitOutcome | number> {
  const t = k.current;
  for (;;) {
    let any = false;
    for (const c of t.children) {
      if (!eligible(t, c, pid, options)) continue;
      any = true;
      if (c.exitState === EXIT_ZOMBIE) {
        const status = c.exitCode;
        const tr = k.trace;
        if (tr.begin(EV.sched_process_wait, k.sched.now, t, k.srcMark)) tr.comm(t).i(t.pid).i(c.pid).i(status);
        k.srcMark = 0;
        // wait_task_zombie(): the child's times, and those of the children it reaped, become ours.
        t.cutime += c.utime + c.cutime;
        t.cstime += c.stime + c.cstime;
        release(k, c);
        // A breakpoint on wait4 stops here, with the status reaped and not yet returned.
        if (k.trace.breakHit >= 0) yield BREAK;
        return { pid: c.pid, status };
      }
      if (c.stopReport && options & WUNTRACED) {
        const sig = c.stopReport;
        c.stopReport = 0;
        return { pid: c.pid, status: (sig << 8) | 0x7f };
      }
      if (c.contReport && options & WCONTINUED) {
        c.contReport = false;
        return { pid: c.pid, status: 0xffff };
      }
    }
    if (!any) return -ECHILD;
    if (options & WNOHANG) return 0;
    if (signalPending(t)) return -ERESTARTSYS;
    t.waitChldExit = true;
    t.state = TASK_INTERRUPTIBLE;
    t.wchan = 'do_wait';
    yield SCHED;
    t.waitChldExit = false;
  }
}

/** Kill a task outright (used for SIGKILL delivery to kernel-side sleepers and for oopses). */
export function forceKill(k: Kernel, t: Task): void {
  sendSignal(k, SIGKILL, t, true);
}
