// kernel/signal.c: generation (send_signal), blocking, the helpers kmod.c uses (flush_signals,
// flush_signal_handlers, allow_signal) and delivery on return to user mode (get_signal).
import {
  NSIG, SIGCHLD, SIGCONT, SIGKILL, SIGSTOP, SIGTSTP, SIGTTIN, SIGTTOU, SIG_UNBLOCKABLE, defaultAction, sigmask,
} from '../uapi/signal.ts';
import type { SigAction, SignalHandler } from '../uapi/syscalls.ts';
import type { Kernel } from './kernel.ts';
import { EV } from './trace.ts';
import { TASK_STOPPED } from './task.ts';
import type { SighandStruct, Task } from './task.ts';

/**
 * allow_signal() on a kernel thread stores the dummy handler (void *)2: "handled", though nothing
 * ever runs it, so the signal is neither ignored nor default (kernel/exit.c 2.6.20).
 */
export const KTHREAD_ALLOWED: SignalHandler = function* () {
  // Never entered: kernel threads do not return to user mode.
};

/**
 * The entries of SighandStruct.action are never changed in place, only replaced (as a
 * k_sigaction is copied in whole): so the defaults can be shared and a copy-on-write copy of the
 * table is one array.
 */
const SIG_DFL: SigAction = { handler: 'default', mask: 0, flags: 0 };
const SIG_IGN: SigAction = { handler: 'ignore', mask: 0, flags: 0 };

export function newSighand(): SighandStruct {
  const action: SigAction[] = new Array<SigAction>(NSIG).fill(SIG_DFL);
  return { action, users: 1, sharedTable: false };
}

/** Every handler SIG_DFL: the table flush_signal_handlers(t, 1) leaves, shared by all such tasks. */
const ALL_DEFAULT: readonly SigAction[] = newSighand().action;

/** fork(): share the parent's handlers until one side changes them. */
export function shareSighand(s: SighandStruct): SighandStruct {
  s.users++;
  return s;
}

/** The task's own handlers, copied first if they are shared: call before any change. */
export function ownSighand(t: Task): SighandStruct {
  const s = t.sighand;
  if (s.users > 1 || s.sharedTable) {
    if (s.users > 1) s.users--;
    t.sighand = { action: s.action.slice(), users: 1, sharedTable: false };
  }
  return t.sighand;
}

/** The task is going away: drop its share. */
export function putSighand(t: Task): void {
  t.sighand.users--;
}

export function signalPending(t: Task): boolean {
  return (t.pending & ~t.blocked) !== 0;
}

export function fatalSignalPending(t: Task): boolean {
  return (t.pending & sigmask(SIGKILL)) !== 0;
}

function handlerOf(t: Task, sig: number): SigAction {
  return t.sighand.action[sig];
}

/** sig_ignored(): a signal that would be discarded at generation. */
function sigIgnored(t: Task, sig: number, force = false): boolean {
  const h = handlerOf(t, sig).handler;
  // SIGNAL_UNKILLABLE: init ignores every signal it has no handler for, SIGKILL included.
  if (t.pid === 1 && t.mm && h === 'default' && !force) return true;
  if (t.blocked & sigmask(sig)) return false;
  return h === 'ignore' || (h === 'default' && defaultAction(sig) === 'ign');
}

/**
 * send_signal(): make sig pending for t and wake it. Returns 0 (also when the signal is ignored
 * or already pending, as Linux does).
 */
export function sendSignal(k: Kernel, sig: number, t: Task, force = false): number {
  if (sig === 0) return 0;
  const tr = k.trace;
  let result = 'delivered';
  if (t.exitState) result = 'exiting';
  else {
    if (sig === SIGKILL || sig === SIGCONT) {
      // Wake a stopped task and cancel pending stop signals (handle_stop_signal).
      t.pending &= ~(sigmask(SIGSTOP) | sigmask(SIGTSTP) | sigmask(SIGTTIN) | sigmask(SIGTTOU));
      if (t.state & TASK_STOPPED) {
        t.state = 1; // TASK_INTERRUPTIBLE so that wakeUp resumes it
        k.sched.wakeUp(t);
        if (sig === SIGCONT) k.notifyParentCldstop(t, 'continued');
      }
    } else if (sig === SIGSTOP || sig === SIGTSTP || sig === SIGTTIN || sig === SIGTTOU) {
      t.pending &= ~sigmask(SIGCONT);
    }
    if (!force && sigIgnored(t, sig, force)) result = 'ignored';
    else if (t.pending & sigmask(sig)) result = 'already_pending';
    else {
      t.pending |= sigmask(sig);
      if (!(t.blocked & sigmask(sig)) || sig === SIGKILL) k.sched.signalWakeUp(t, sig === SIGKILL);
    }
  }
  if (tr.begin(EV.signal_generate, k.sched.now, k.sched.ctx())) tr.i(sig).i(t.pid).comm(t).s(result);
  return 0;
}

/** flush_signals(): forget every pending signal. */
export function flushSignals(t: Task): void {
  t.pending = 0;
}

/**
 * flush_signal_handlers(t, force_default): handlers back to SIG_DFL; ignored ones too if forced.
 * A table that is already in that state is left shared.
 */
export function flushSignalHandlers(t: Task, forceDefault: boolean): void {
  if (forceDefault && t.sighand.action !== ALL_DEFAULT) {
    // Everything becomes SIG_DFL: take the shared all-default table instead of copying this one.
    const s = t.sighand;
    for (let sig = 1; sig < NSIG; sig++) {
      if (s.action[sig] !== SIG_DFL) {
        if (s.users > 1) s.users--;
        t.sighand = { action: ALL_DEFAULT as SigAction[], users: 1, sharedTable: true };
        return;
      }
    }
    return;
  }
  let action = t.sighand.action;
  for (let sig = 1; sig < NSIG; sig++) {
    const a = action[sig];
    const keepIgnore = !forceDefault && a.handler === 'ignore';
    if (a.flags === 0 && a.mask === 0 && (a.handler === 'default' || keepIgnore)) continue;
    if (action === t.sighand.action) action = ownSighand(t).action;
    action[sig] = keepIgnore ? SIG_IGN : SIG_DFL;
  }
}

/** Set one handler, keeping the entry's mask and flags (ignore_signals(), kernel threads). */
export function setHandler(t: Task, sig: number, handler: SigAction['handler']): void {
  const action = ownSighand(t).action;
  action[sig] = { ...action[sig], handler };
}

/** allow_signal() (kernel threads): unblock sig and mark it handled with the dummy handler. */
export function allowSignal(t: Task, sig: number): void {
  t.blocked &= ~sigmask(sig);
  setHandler(t, sig, KTHREAD_ALLOWED);
}

/**
 * do_sigaction(): install act (if any) and return the old action (the entry itself: entries are
 * never changed in place; copy it before handing it to user space); -EINVAL is the caller's job.
 */
export function doSigaction(k: Kernel, t: Task, sig: number, act: SigAction | null): SigAction {
  const old = t.sighand.action[sig];
  if (act) {
    ownSighand(t).action[sig] = { handler: act.handler, mask: act.mask & ~SIG_UNBLOCKABLE, flags: act.flags };
    // POSIX 3.3.1.3: setting a pending signal to be ignored discards it.
    if (sigIgnored(t, sig)) t.pending &= ~sigmask(sig);
  }
  void k;
  return old;
}

/** What get_signal() decided for a user task on its way back to user mode. */
export type Delivery =
  | { kind: 'none' }
  | { kind: 'handler'; sig: number; action: SigAction }
  | { kind: 'fatal'; sig: number; core: boolean }
  | { kind: 'stop'; sig: number };

/** Dequeue the lowest pending unblocked signal and decide its fate. */
export function getSignal(k: Kernel, t: Task): Delivery {
  for (;;) {
    const ready = t.pending & ~t.blocked;
    if (!ready) return { kind: 'none' };
    let sig = 1;
    while (!(ready & sigmask(sig))) sig++;
    t.pending &= ~sigmask(sig);
    const action = t.sighand.action[sig];
    const tr = k.trace;
    const h = action.handler;
    let what: string;
    let d: Delivery;
    if (h === 'ignore' && sig !== SIGKILL) {
      what = 'ignore';
      d = { kind: 'none' };
    } else if (typeof h === 'function' && sig !== SIGKILL && h !== KTHREAD_ALLOWED) {
      what = 'handler';
      d = { kind: 'handler', sig, action };
    } else {
      const act = sig === SIGKILL ? 'term' : defaultAction(sig);
      if (act === 'ign' || act === 'cont' || (h === KTHREAD_ALLOWED && sig !== SIGKILL)) {
        what = 'default_ignore';
        d = { kind: 'none' };
      } else if (act === 'stop') {
        what = 'stop';
        d = { kind: 'stop', sig };
      } else {
        what = act === 'core' ? 'core' : 'terminate';
        d = { kind: 'fatal', sig, core: act === 'core' };
      }
    }
    if (tr.begin(EV.signal_deliver, k.sched.now, t)) tr.i(sig).s(what);
    if (d.kind !== 'none') return d;
  }
}

/** Signals a parent receives when a child stops/continues (do_notify_parent_cldstop). */
export function wantsCldstop(parent: Task): boolean {
  const a = parent.sighand.action[SIGCHLD];
  return !(a.flags & 1); // SA_NOCLDSTOP
}
