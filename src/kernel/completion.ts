// kernel/sched/completion.c: a count of "done" events and a wait queue. complete() releases one
// waiter; wait_for_completion() sleeps uninterruptibly (the killable variant returns -ERESTARTSYS).
import type { Kernel } from './kernel.ts';
import { EV } from './trace.ts';
import type { TraceBuffer } from './trace.ts';
import { TASK_UNINTERRUPTIBLE } from './task.ts';
import type { KGen, SCHED, Task } from './task.ts';
import { WaitQueue, waitEvent, wakeUpOne } from './wait.ts';
import { FINISHED, KIterator, SLEEP, SLEEPING, START, done } from './kiter.ts';

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

/**
 * wait_for_completion(): sleeps uninterruptibly until complete() has run (once per wait).
 *
 * This is the kernel's most frequent sleep (vfork, the usermode helpers, the scheduler bench's
 * ping-pong), so it is an iterator written by hand rather than a generator function: a generator
 * costs a generator object and a register file per call (~250 bytes for the scavenger) and a
 * slower resume, where this is one small object and shared results. It behaves as
 *
 *   trace completion_wait;
 *   while (x.done <= 0) { add to x.wait; sleep (TASK_UNINTERRUPTIBLE); remove from x.wait }
 *   x.done--;
 *
 * with nothing run before the first next(), as with a generator.
 */
export function waitForCompletion(k: Kernel, x: Completion, src = 0): KGen<void> {
  return new CompletionWait(k, x, src);
}

const DONE = done<void>(undefined);

class CompletionWait extends KIterator<void> {
  protected readonly ended = DONE;
  private task: Task | null = null;
  constructor(private readonly k: Kernel, private readonly x: Completion, private readonly src: number) {
    super();
  }

  next(): IteratorResult<typeof SCHED, void> {
    const x = this.x;
    let t = this.task;
    if (this.phase === START) {
      t = this.task = this.k.current;
      const tr = this.k.trace;
      if (tr.begin(EV.completion_wait, this.k.sched.now, t, this.src)) tr.i(x.whatId(tr));
    } else if (this.phase === SLEEPING) {
      x.wait.remove(t!);
    } else {
      return DONE;
    }
    if (x.done <= 0) {
      x.wait.add(t!);
      t!.state = TASK_UNINTERRUPTIBLE;
      t!.wchan = x.what;
      this.phase = SLEEPING;
      return SLEEP;
    }
    x.done--;
    this.phase = FINISHED;
    return DONE;
  }
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
