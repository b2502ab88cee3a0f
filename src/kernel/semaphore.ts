// kernel/locking/semaphore.c: counting semaphores with FIFO waiters and down_timeout() returning
// -ETIME (the 6.4+ kmod throttle is DEFINE_SEMAPHORE(kmod_concurrent_max, 50)).
import { ETIME } from '../uapi/errno.ts';
import type { Kernel } from './kernel.ts';
import { TASK_UNINTERRUPTIBLE } from './task.ts';
import type { KGen, SCHED, Task } from './task.ts';
import { FINISHED, KIterator, SLEEP, SLEEPING, START, done } from './kiter.ts';
import type { Timer } from './sched.ts';
import { EV } from './trace.ts';

const GOT = done(0);
const TIMED_OUT = done(-ETIME);
/** What a generator answers once it has returned. */
const ENDED = done(undefined) as unknown as IteratorReturnResult<number>;

/**
 * One down_timeout() call, and its entry on the semaphore's wait list (struct semaphore_waiter).
 * Written as an iterator rather than a generator function: in 6.6 every request_module() past
 * the 50th sleeps here (100,000 at once in the scale bench), and a generator with its register
 * file, a Waiter and a timeout closure with its context were ~4 objects more per sleeper for the
 * scavenger to copy. It behaves as
 *
 *   if (count > 0) { count--; trace sem_down 0; return 0 }
 *   queue at the tail; arm the timeout; sleep (TASK_UNINTERRUPTIBLE) until up() or the timeout;
 *   up() came: trace sem_down 0, return 0; else leave the queue, trace sem_down -ETIME, -ETIME
 *
 * with nothing run before the first next(), as with a generator.
 */
class Down extends KIterator<number> {
  protected readonly ended = ENDED;
  /** Set by up(): the slot passed straight to this waiter. */
  up = false;
  /** Timed out and gone: up() skips it. */
  gone = false;
  timedOut = false;
  /** The sleeper (set when it queues; a waiter on the list always has one). */
  task: Task | null = null;
  private timer: Timer | null = null;
  constructor(private readonly sem: Semaphore, readonly k: Kernel, private readonly timeoutNs: number) {
    super();
  }

  next(): IteratorResult<typeof SCHED, number> {
    const k = this.k, sem = this.sem;
    if (this.phase === START) {
      if (sem.count > 0) {
        sem.count--;
        sem.traceDown(k, 0);
        this.phase = FINISHED;
        return GOT;
      }
      this.task = k.current;
      sem.enqueue(this);
      if (Number.isFinite(this.timeoutNs)) this.timer = k.sched.addTimer(this.timeoutNs, downTimedOut, this);
      this.phase = SLEEPING;
    } else if (this.phase === FINISHED) {
      return ENDED;
    }
    const t = this.task!;
    if (!this.up && !this.timedOut) {
      t.state = TASK_UNINTERRUPTIBLE;
      t.wchan = sem.name;
      return SLEEP;
    }
    if (this.timer) this.timer.cancelled = true;
    this.phase = FINISHED;
    if (this.up) {
      sem.traceDown(k, 0);
      return GOT;
    }
    this.gone = true;
    sem.timedOut();
    sem.traceDown(k, -ETIME);
    return TIMED_OUT;
  }
}

/** The down_timeout() timer: wake the sleeper, which finds it timed out. */
function downTimedOut(w: Down): void {
  w.timedOut = true;
  w.k.sched.wakeUp(w.task!);
}

export class Semaphore {
  /** FIFO of waiters from `head` on; timed-out ones stay, marked gone, until they reach the head. */
  private waiters: Down[] = [];
  private head = 0;
  private waiting = 0;
  constructor(readonly name: string, public count: number) {}
  get nrWaiting(): number {
    return this.waiting;
  }

  /** down_timeout(): 0 once acquired, -ETIME when timeoutNs passes first. Sleeps uninterruptibly. */
  downTimeout(k: Kernel, timeoutNs: number): KGen<number> {
    return new Down(this, k, timeoutNs);
  }

  /** Down's: queue a waiter at the tail (list_add_tail(&waiter.list, &sem->wait_list)). */
  enqueue(w: Down): void {
    this.waiters.push(w);
    this.waiting++;
  }

  /** Down's: a waiter gave up. */
  timedOut(): void {
    this.waiting--;
  }

  /** The first waiter still waiting, taken off the queue (null if none). */
  private shift(): Down | null {
    const q = this.waiters;
    while (this.head < q.length) {
      const w = q[this.head++];
      if (!w.gone) {
        this.compact();
        return w;
      }
    }
    this.compact();
    return null;
  }

  private compact(): void {
    if (this.head === this.waiters.length) {
      this.waiters = [];
      this.head = 0;
    } else if (this.head > 1024 && this.head * 2 > this.waiters.length) {
      this.waiters = this.waiters.slice(this.head);
      this.head = 0;
    }
  }

  *down(k: Kernel): KGen<void> {
    yield* this.downTimeout(k, Infinity);
  }

  up(k: Kernel): void {
    const w = this.shift();
    if (w) {
      this.waiting--;
      // The slot passes straight to the first waiter, as __up() does.
      w.up = true;
      k.sched.wakeUp(w.task!, TASK_UNINTERRUPTIBLE);
    } else {
      this.count++;
    }
    const tr = k.trace;
    if (tr.begin(EV.sem_up, k.sched.now, k.sched.ctx())) tr.s(this.name).i(this.count);
  }

  /** The sem_down event (Down's). */
  traceDown(k: Kernel, ret: number): void {
    const tr = k.trace;
    if (tr.begin(EV.sem_down, k.sched.now, k.sched.ctx())) tr.s(this.name).i(this.count).i(ret);
  }
}
