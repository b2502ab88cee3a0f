// kernel/sched/completion.c: a count of "done" events and a wait queue. complete() releases one
// waiter; wait_for_completion() sleeps uninterruptibly (the killable variant returns -ERESTARTSYS).
import type { Kernel } from './kernel.ts';
import { EV } from './trace.ts';
import type { TraceBuffer } from './trace.ts';
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
  /**
   * `what` interned in `traceBuf` (the kernel's trace), so the completion_* events of a busy
   * completion skip the string table's Map lookup (as Task.traceCommId does for comms).
   */
  private traceBuf: TraceBuffer | null = null;
  private traceId = 0;
  constructor(readonly what: string) {
    this.wait = new WaitQueue(what);
    Completion.onCreate?.(this);
  }

  /** The string id of `what` in tr. */
  whatId(tr: TraceBuffer): number {
    if (this.traceBuf !== tr) {
      this.traceId = tr.intern(this.what);
      this.traceBuf = tr;
    }
    return this.traceId;
  }
}

export function complete(k: Kernel, x: Completion, src = 0): void {
  x.done++;
  x.fired++;
  const tr = k.trace;
  if (tr.begin(EV.completion_complete, k.sched.now, k.sched.ctx(), src)) tr.i(x.whatId(tr));
  wakeUpOne(k, x.wait);
}

export function* waitForCompletion(k: Kernel, x: Completion, src = 0): KGen<void> {
  const t = k.current;
  const tr = k.trace;
  if (tr.begin(EV.completion_wait, k.sched.now, t, src)) tr.i(x.whatId(tr));
  // wait_event(x.wait, x.done > 0) uninterruptibly, without a closure or a nested generator.
  while (x.done <= 0) {
    x.wait.add(t);
    t.state = TASK_UNINTERRUPTIBLE;
    t.wchan = x.what;
    yield SCHED;
    x.wait.remove(t);
  }
  x.done--;
}

/** wait_for_completion_killable(): 0, or -ERESTARTSYS if a fatal signal came first. */
export function* waitForCompletionKillable(k: Kernel, x: Completion, src = 0): KGen<number> {
  const tr = k.trace;
  if (tr.begin(EV.completion_wait, k.sched.now, k.current, src)) tr.i(x.whatId(tr));
  const r = yield* waitEvent(k, x.wait, () => x.done > 0, 'killable', x.what);
  if (r) return r;
  x.done--;
  return 0;
}
