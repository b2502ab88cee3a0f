// kernel/sched/completion.c: a count of "done" events and a wait queue. complete() releases one
// waiter; wait_for_completion() sleeps uninterruptibly (the killable variant returns -ERESTARTSYS).
import type { Kernel } from './kernel.ts';
import { EV } from './trace.ts';
import { SCHED, TASK_UNINTERRUPTIBLE } from './task.ts';
import type { KGen } from './task.ts';
import { WaitQueue, waitEvent, wakeUpOne } from './wait.ts';

export class Completion {
  /** Test instrumentation: told of every completion created (property tests count firings). */
  static onCreate: ((c: Completion) => void) | null = null;
  done = 0;
  /** How many times complete() ran: the property tests check each completion fires once. */
  fired = 0;
  readonly wait: WaitQueue;
  constructor(readonly what: string) {
    this.wait = new WaitQueue(what);
    Completion.onCreate?.(this);
  }
}

export function complete(k: Kernel, x: Completion, src = 0): void {
  x.done++;
  x.fired++;
  const tr = k.trace;
  if (tr.begin(EV.completion_complete, k.sched.now, k.sched.ctx(), src)) tr.s(x.what);
  wakeUpOne(k, x.wait);
}

export function* waitForCompletion(k: Kernel, x: Completion, src = 0): KGen<void> {
  const t = k.current;
  const tr = k.trace;
  if (tr.begin(EV.completion_wait, k.sched.now, t, src)) tr.s(x.what);
  // wait_event(x.wait, x.done > 0) uninterruptibly, without a closure or a nested generator.
  while (x.done <= 0) {
    x.wait.sleepers.add(t);
    t.state = TASK_UNINTERRUPTIBLE;
    t.wchan = x.what;
    yield SCHED;
    x.wait.sleepers.delete(t);
  }
  x.done--;
}

/** wait_for_completion_killable(): 0, or -ERESTARTSYS if a fatal signal came first. */
export function* waitForCompletionKillable(k: Kernel, x: Completion, src = 0): KGen<number> {
  const tr = k.trace;
  if (tr.begin(EV.completion_wait, k.sched.now, k.current, src)) tr.s(x.what);
  const r = yield* waitEvent(k, x.wait, () => x.done > 0, 'killable', x.what);
  if (r) return r;
  x.done--;
  return 0;
}
