// kernel/workqueue.c: 2.6.20's single-thread workqueues (the `khelper` thread: nice -5, all
// signals blocked, SIGCHLD ignored so its children are auto-reaped) and 6.6's unbound pool
// (`system_unbound_wq`: kworker/uN:M threads, children of kthreadd, created when none is idle).
import { SIGCHLD, SIGSET_ALL } from '../uapi/signal.ts';
import type { Kernel } from './kernel.ts';
import { doSigaction, flushSignals } from './signal.ts';
import { SCHED, TASK_INTERRUPTIBLE } from './task.ts';
import type { KGen, Task } from './task.ts';
import { EV } from './trace.ts';
import { kernelThread } from './fork.ts';
import { kthreadCreate } from './kthread.ts';

export interface WorkStruct {
  id: number;
  fn: (k: Kernel, w: WorkStruct) => KGen<void>;
  /** The C function name, for the trace ("__call_usermodehelper"). */
  fname: string;
  data: unknown;
  /** Scenario step that queued it: the worker runs it under that tag. */
  tag: number;
  pending: boolean;
}

export class Workqueue {
  readonly list: WorkStruct[] = [];
  readonly workers: Task[] = [];
  readonly idle = new Set<Task>();
  /** kworker ids in use (an IDA: the lowest free id is reused). */
  readonly ids = new Set<number>();
  /** The work a worker is running (for "+events_unbound" in ps and the UI). */
  readonly running = new Map<Task, WorkStruct>();
  constructor(readonly name: string, readonly unbound: boolean) {}
}

export function initWork(k: Kernel, fn: WorkStruct['fn'], fname: string, data: unknown): WorkStruct {
  return { id: ++k.workSeq, fn, fname, data, tag: 0, pending: false };
}

/** queue_work(): false if the work was already pending. */
export function queueWork(k: Kernel, wq: Workqueue, work: WorkStruct, src = 0): boolean {
  if (work.pending) return false;
  work.pending = true;
  work.tag = k.sched.current?.tag ?? 0;
  // Queued work belongs to the step that queued it until it has run.
  k.tagHold(work.tag);
  wq.list.push(work);
  k.sched.charge(k.config.costs.queueWork);
  const tr = k.trace;
  if (tr.begin(EV.workqueue_queue_work, k.sched.now, k.sched.ctx(), src)) tr.s(wq.name).s(work.fname).i(work.id);
  if (wq.unbound) {
    const idle = wq.idle.values().next();
    if (!idle.done) {
      wq.idle.delete(idle.value);
      k.sched.wakeUp(idle.value);
    } else {
      k.unboundPoolGrow(wq);
    }
  } else {
    for (const w of wq.workers) k.sched.wakeUp(w, TASK_INTERRUPTIBLE);
  }
  return true;
}

function* runWorkqueue(k: Kernel, wq: Workqueue, self: Task): KGen<void> {
  while (wq.list.length) {
    const work = wq.list.shift()!;
    work.pending = false;
    const saved = self.tag;
    self.tag = work.tag;
    wq.running.set(self, work);
    const tr = k.trace;
    if (tr.begin(EV.workqueue_execute_start, k.sched.now, self)) tr.s(wq.name).s(work.fname).i(work.id);
    yield* work.fn(k, work);
    if (tr.begin(EV.workqueue_execute_end, k.sched.now, self)) tr.s(work.fname).i(work.id);
    wq.running.delete(self);
    self.tag = saved;
    k.tagRelease(work.tag);
  }
}

/** worker_thread() of 2.6.20. */
function* workerThread2620(k: Kernel, wq: Workqueue): KGen<number> {
  const self = k.current;
  self.nice = -5;
  self.blocked = SIGSET_ALL;
  flushSignals(self);
  // "SIG_IGN makes children autoreap: see do_notify_parent()."
  doSigaction(k, self, SIGCHLD, { handler: 'ignore', mask: 0, flags: 0 });
  wq.workers.push(self);
  for (;;) {
    if (wq.list.length === 0) {
      self.state = TASK_INTERRUPTIBLE;
      self.wchan = 'worker_thread';
      yield SCHED;
      continue;
    }
    yield* runWorkqueue(k, wq, self);
  }
}

/** create_singlethread_workqueue(name) (2.6.20): one worker thread named after the queue. */
export function* createSinglethreadWorkqueue(k: Kernel, name: string): KGen<Workqueue> {
  const wq = new Workqueue(name, false);
  const pid = yield* kernelThread(k, (kk) => {
    kk.current.comm = name;
    return workerThread2620(kk, wq);
  }, null, 0);
  if (pid < 0) throw new Error(`BUG: could not create workqueue ${name}`);
  return wq;
}

/** 6.6 worker_thread() for an unbound pool. */
function* kworkerThread(k: Kernel, wq: Workqueue, id: number): KGen<number> {
  const self = k.current;
  self.comm = `kworker/u2:${id}`;
  wq.workers.push(self);
  for (;;) {
    if (wq.list.length === 0) {
      wq.idle.add(self);
      self.state = TASK_INTERRUPTIBLE;
      self.wchan = 'worker_thread';
      yield SCHED;
      wq.idle.delete(self);
      continue;
    }
    yield* runWorkqueue(k, wq, self);
  }
}

/** create_worker(): a new kworker for the unbound pool, forked by kthreadd. */
export function spawnKworker(k: Kernel, wq: Workqueue): void {
  let id = 0;
  while (wq.ids.has(id)) id++;
  wq.ids.add(id);
  kthreadCreate(k, `kworker/u2:${id}`, (kk) => kworkerThread(kk, wq, id));
}
