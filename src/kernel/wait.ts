// kernel/wait.c: wait queues and the sleep loops built on them (wait_event_*). A sleeper puts
// itself on the queue, sets its state and yields SCHED; wake_up() makes every sleeper runnable and
// each re-checks its condition.
import { ERESTARTSYS } from '../uapi/errno.ts';
import type { Kernel } from './kernel.ts';
import { fatalSignalPending, signalPending } from './signal.ts';
import { SCHED, TASK_INTERRUPTIBLE, TASK_KILLABLE, TASK_UNINTERRUPTIBLE } from './task.ts';
import type { KGen, Task } from './task.ts';

/**
 * wait_queue_head_t: the sleepers in FIFO order, as a list threaded through the tasks themselves
 * (Task.wqNext/wqPrev, as the wait_queue_entry on a sleeper's stack is linked into the head's
 * list_head). A task sleeps on one queue at a time, so one link per task does; linking and
 * unlinking cost a few stores, where a Set's hashing showed in the scheduler's profile.
 */
export class WaitQueue {
  head: Task | null = null;
  tail: Task | null = null;
  constructor(readonly name = '') {}

  /** add_wait_queue_entry_tail(): a no-op when t is already on this queue. */
  add(t: Task): void {
    if (t.wq === this) return;
    // A sleep abandoned without remove() (cannot happen today) must not leave t on two lists.
    t.wq?.remove(t);
    t.wq = this;
    t.wqNext = null;
    t.wqPrev = this.tail;
    if (this.tail) this.tail.wqNext = t;
    else this.head = t;
    this.tail = t;
  }

  /** remove_wait_queue(): a no-op when t is not on this queue. */
  remove(t: Task): void {
    if (t.wq !== this) return;
    if (t.wqPrev) t.wqPrev.wqNext = t.wqNext;
    else this.head = t.wqNext;
    if (t.wqNext) t.wqNext.wqPrev = t.wqPrev;
    else this.tail = t.wqPrev;
    t.wq = t.wqNext = t.wqPrev = null;
  }
}

export function wakeUp(k: Kernel, wq: WaitQueue): void {
  // A woken task stays on the queue until it runs and removes itself; take the next link first
  // all the same, so the walk does not depend on that.
  for (let t = wq.head; t; ) {
    const next = t.wqNext;
    k.sched.wakeUp(t);
    t = next;
  }
}

/** Wake one sleeper (exclusive waits, e.g. semaphores), in FIFO order. */
export function wakeUpOne(k: Kernel, wq: WaitQueue): void {
  for (let t = wq.head; t; ) {
    const next = t.wqNext;
    if (k.sched.wakeUp(t)) return;
    t = next;
  }
}

export type SleepMode = 'interruptible' | 'uninterruptible' | 'killable';

function stateFor(mode: SleepMode): number {
  return mode === 'interruptible' ? TASK_INTERRUPTIBLE : mode === 'killable' ? TASK_KILLABLE : TASK_UNINTERRUPTIBLE;
}

/**
 * wait_event*(): sleep on wq until cond() holds. Returns 0, or -ERESTARTSYS when a signal (any
 * for interruptible, fatal for killable) arrives first.
 */
export function* waitEvent(k: Kernel, wq: WaitQueue, cond: () => boolean, mode: SleepMode, wchan = wq.name): KGen<number> {
  const t = k.current;
  while (!cond()) {
    if (mode === 'interruptible' && signalPending(t)) return -ERESTARTSYS;
    if (mode === 'killable' && fatalSignalPending(t)) return -ERESTARTSYS;
    wq.add(t);
    t.state = stateFor(mode);
    t.wchan = wchan;
    yield SCHED;
    wq.remove(t);
  }
  return 0;
}

/**
 * wait_event_*_timeout(): as waitEvent with a timeout in ns. Returns the time left (> 0, or 1 if
 * the condition came true exactly at the deadline), 0 on timeout, -ERESTARTSYS on a signal.
 */
export function* waitEventTimeout(k: Kernel, wq: WaitQueue, cond: () => boolean, mode: SleepMode, timeoutNs: number, wchan = wq.name): KGen<number> {
  const t = k.current;
  const deadline = k.sched.now + timeoutNs;
  let fired = false;
  const timer = k.sched.addTimer(timeoutNs, () => {
    fired = true;
    k.sched.wakeUp(t);
  });
  try {
    while (!cond()) {
      if (fired || k.sched.now >= deadline) return 0;
      if (mode === 'interruptible' && signalPending(t)) return -ERESTARTSYS;
      if (mode === 'killable' && fatalSignalPending(t)) return -ERESTARTSYS;
      wq.add(t);
      t.state = stateFor(mode);
      t.wchan = wchan;
      yield SCHED;
      wq.remove(t);
    }
    return Math.max(1, deadline - k.sched.now);
  } finally {
    timer.cancelled = true;
  }
}

/** schedule_timeout(): sleep for ns; returns the time left (0 when it slept fully). */
export function* scheduleTimeout(k: Kernel, ns: number, mode: SleepMode, wchan = 'sleep'): KGen<number> {
  const t = k.current;
  const deadline = k.sched.now + ns;
  const timer = k.sched.addTimer(ns, () => k.sched.wakeUp(t));
  while (k.sched.now < deadline) {
    if (mode === 'interruptible' && signalPending(t)) break;
    if (mode === 'killable' && fatalSignalPending(t)) break;
    t.state = stateFor(mode);
    t.wchan = wchan;
    yield SCHED;
  }
  timer.cancelled = true;
  return Math.max(0, deadline - k.sched.now);
}
