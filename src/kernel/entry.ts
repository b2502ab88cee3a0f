// The syscall boundary (arch/x86/entry + kernel/signal.c's return path): a user task's program is
// a generator of Syscall records; this loop dispatches them, delivers signals on the way back to
// user mode (pushing handler frames), restarts interrupted calls and preempts at slice ends.
import { EINTR, ENOSYS, ERESTARTNOHAND, ERESTARTNOINTR, ERESTARTSYS } from '../uapi/errno.ts';
import { SA_NODEFER, SA_RESETHAND, SA_RESTART, SIGSEGV, sigmask } from '../uapi/signal.ts';
import type { SigAction, SignalHandler, Syscall, SyscallName, UserGen } from '../uapi/syscalls.ts';
import { doCoredumpAndExit } from './coredump.ts';
import { doExit } from './exit.ts';
import type { Kernel } from './kernel.ts';
import { printk } from './printk.ts';
import { getSignal, ownSighand } from './signal.ts';
import { BREAK, SCHED } from './task.ts';
import type { KGen, Task } from './task.ts';

type Call<N extends SyscallName> = Extract<Syscall, { nr: N }>;
export type FastSyscall<N extends SyscallName> = (k: Kernel, t: Task, c: Call<N>) => unknown;
export type SlowSyscall<N extends SyscallName> = (k: Kernel, t: Task, c: Call<N>) => KGen<unknown>;

/**
 * Syscalls that never sleep run as plain functions; the rest are generators. A fast one that
 * finds it must sleep after all (a read of an empty pipe, an open of a char device whose driver
 * may be autoloaded) returns a Continue holding the generator that finishes the call.
 */
export const fastCalls: { [N in SyscallName]?: FastSyscall<N> } = {};
export const slowCalls: { [N in SyscallName]?: SlowSyscall<N> } = {};

export class Continue {
  constructor(readonly gen: KGen<unknown>) {}
}

const fastTable = fastCalls as Record<string, FastSyscall<SyscallName> | undefined>;
const slowTable = slowCalls as Record<string, SlowSyscall<SyscallName> | undefined>;

export function defineFast<N extends SyscallName>(nr: N, fn: FastSyscall<N>): void {
  (fastCalls as Record<string, unknown>)[nr] = fn;
}
export function defineSlow<N extends SyscallName>(nr: N, fn: SlowSyscall<N>): void {
  (slowCalls as Record<string, unknown>)[nr] = fn;
}

interface Frame {
  gen: UserGen<unknown>;
  /** For a handler frame: what to resume the interrupted frame with, and the mask to restore. */
  resumeAfter?: unknown;
  restart?: Syscall;
  savedBlocked?: number;
}

const isRestart = (r: unknown): boolean =>
  r === -ERESTARTSYS || r === -ERESTARTNOINTR || r === -ERESTARTNOHAND;

/** Run one syscall for t (the main loop inlines the common case: a fast call that returns). */
function* dispatch(k: Kernel, t: Task, call: Syscall): KGen<unknown> {
  k.sched.charge(k.config.costs.syscall);
  const fast = fastTable[call.nr];
  if (fast) {
    const r = fast(k, t, call as never);
    return r instanceof Continue ? yield* r.gen : r;
  }
  return yield* slowDispatch(k, t, call);
}

function* slowDispatch(k: Kernel, t: Task, call: Syscall): KGen<unknown> {
  const slow = slowTable[call.nr];
  if (slow) return yield* slow(k, t, call as never);
  return -ENOSYS;
}

/** What /proc and the views see of the user context: the generators of the frames. */
function syncFrames(t: Task, frames: Frame[]): void {
  t.user!.frames = frames.map((f) => f.gen);
}

/**
 * Return to user mode for good: run the program in t.execPending (set by a successful exec or
 * by fork) and never come back. Called by the task body after fork or kernel_execve.
 */
export function* userMode(k: Kernel, t: Task): KGen<never> {
  let frames: Frame[] = [{ gen: t.execPending! }];
  t.execPending = null;
  t.user = { frames: frames.map((f) => f.gen), resume: undefined };
  let resume: unknown = undefined;
  for (;;) {
    // An event breakpoint that fired in the kernel (an exec, a wait4) stops before user code runs.
    if (k.trace.breakHit >= 0) yield BREAK;
    const frame = frames[frames.length - 1];
    let r: IteratorResult<Syscall, unknown>;
    try {
      r = frame.gen.next(resume);
    } catch (e) {
      // A bug in one of our programs: the process dies as if it had faulted.
      printk(k, 3, `${t.comm}[${t.pid}]: khelper program error: ${e instanceof Error ? e.message : String(e)}`);
      return yield* doCoredumpAndExit(k, SIGSEGV);
    }
    if (r.done) {
      if (frames.length === 1) return yield* doExit(k, ((Number(r.value) | 0) & 0xff) << 8);
      // sigreturn: back to the interrupted frame.
      frames.pop();
      syncFrames(t, frames);
      t.blocked = frame.savedBlocked ?? t.blocked;
      if (frame.restart) {
        resume = yield* dispatch(k, t, frame.restart);
      } else {
        resume = frame.resumeAfter;
      }
    } else {
      const call = r.value;
      k.sched.charge(k.config.costs.syscall);
      const fast = fastTable[call.nr];
      if (fast) {
        resume = fast(k, t, call as never);
        if (resume instanceof Continue) resume = yield* resume.gen;
      } else {
        resume = yield* slowDispatch(k, t, call);
      }
      if (t.execPending) {
        frames = [{ gen: t.execPending }];
        t.execPending = null;
        resume = undefined;
        syncFrames(t, frames);
      }
    }
    // Preempted at the end of a slice: signals that arrive meanwhile (a SIGKILL) are handled
    // below, before any more user code runs.
    if (t.yieldRequested || k.sched.needResched()) {
      t.yieldRequested = false;
      yield SCHED;
    }
    // Return to user mode: deliver signals, restarting or failing interrupted calls.
    let restartCall: Syscall | undefined = isRestart(resume) && !r.done ? t.restartBlock ?? r.value : undefined;
    t.restartBlock = null;
    while (t.pending & ~t.blocked) {
      const d = getSignal(k, t);
      if (d.kind === 'none') continue;
      if (d.kind === 'fatal') return yield* doCoredumpAndExit(k, d.sig, d.core);
      if (d.kind === 'stop') {
        yield* k.doSignalStop(t, d.sig);
        continue;
      }
      const action: SigAction = d.action;
      let resumeAfter = resume;
      let restart: Syscall | undefined;
      if (restartCall) {
        if (resume === -ERESTARTNOINTR || (resume === -ERESTARTSYS && action.flags & SA_RESTART)) restart = restartCall;
        else resumeAfter = -EINTR;
        restartCall = undefined;
      }
      const savedBlocked = t.savedSigmask ?? t.blocked;
      t.savedSigmask = null;
      t.blocked |= action.mask;
      if (!(action.flags & SA_NODEFER)) t.blocked |= sigmask(d.sig);
      if (action.flags & SA_RESETHAND) ownSighand(t).action[d.sig] = { ...action, handler: 'default' };
      frames.push({ gen: (d.action.handler as SignalHandler)(d.sig), resumeAfter, restart, savedBlocked });
      syncFrames(t, frames);
      resume = undefined;
    }
    if (restartCall) {
      // Nothing ran a handler (the signal was ignored or stopped us): restart transparently.
      if (resume === -ERESTARTNOHAND || resume === -ERESTARTSYS || resume === -ERESTARTNOINTR) {
        resume = yield* dispatch(k, t, restartCall);
        if (isRestart(resume)) resume = -EINTR;
      }
    }
    if (t.savedSigmask !== null && frames.length && !isRestart(resume)) {
      t.blocked = t.savedSigmask;
      t.savedSigmask = null;
    }
  }
}
