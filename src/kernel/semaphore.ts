// kernel/locking/semaphore.c: counting semaphores with FIFO waiters and down_timeout() returning
// -ETIME (the 6.4+ kmod throttle is DEFINE_SEMAPHORE(kmod_concurrent_max, 50)).
import { ETIME } from '../uapi/errno.ts';
import type { Kernel } from './kernel.ts';
import { SCHED, TASK_UNINTERRUPTIBLE } from './task.ts';
import type { KGen, Task } from './task.ts';
import { EV } from './trace.ts';

interface Waiter {
  task: Task;
  up: boolean;
  /** Timed out and gone: up() skips it. */
  gone: boolean;
}

export class Semaphore {
  /** FIFO of waiters from `head` on; timed-out ones stay, marked gone, until they reach the head. */
  private waiters: Waiter[] = [];
  private head = 0;
  private waiting = 0;
  constructor(readonly name: string, public count: number) {}
  get nrWaiting(): number {
    return this.waiting;
  }

  /** down_timeout(): 0 once acquired, -ETIME when timeoutNs passes first. Sleeps uninterruptibly. */
  *downTimeout(k: Kernel, timeoutNs: number): KGen<number> {
    if (this.count > 0) {
      this.count--;
      this.traceDown(k, 0);
      return 0;
    }
    const t = k.current;
    const w: Waiter = { task: t, up: false, gone: false };
    this.waiters.push(w);
    this.waiting++;
    let timedOut = false;
    const timer = Number.isFinite(timeoutNs)
      ? k.sched.addTimer(timeoutNs, () => {
        timedOut = true;
        k.sched.wakeUp(t);
      })
      : null;
    while (!w.up && !timedOut) {
      t.state = TASK_UNINTERRUPTIBLE;
      t.wchan = this.name;
      yield SCHED;
    }
    if (timer) timer.cancelled = true;
    if (w.up) {
      this.traceDown(k, 0);
      return 0;
    }
    w.gone = true;
    this.waiting--;
    this.traceDown(k, -ETIME);
    return -ETIME;
  }

  /** The first waiter still waiting, taken off the queue (null if none). */
  private shift(): Waiter | null {
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
      k.sched.wakeUp(w.task, TASK_UNINTERRUPTIBLE);
    } else {
      this.count++;
    }
    const tr = k.trace;
    if (tr.begin(EV.sem_up, k.sched.now, k.sched.ctx())) tr.s(this.name).i(this.count);
  }

  private traceDown(k: Kernel, ret: number): void {
    const tr = k.trace;
    if (tr.begin(EV.sem_down, k.sched.now, k.sched.ctx())) tr.s(this.name).i(this.count).i(ret);
  }
}
