// kernel/sched.c on one CPU: a run queue, the virtual clock (ns), timers, and the loop that
// resumes task generators. FIFO by default; with `interleave` a seeded PRNG picks the next task,
// to explore races reproducibly.
import { Heap } from '../lib/heap.ts';
import { Prng } from '../lib/prng.ts';
import type { Kernel } from './kernel.ts';
import { EV } from './trace.ts';
import { BREAK, stateLetter, TASK_RUNNING, TASK_INTERRUPTIBLE, TASK_UNINTERRUPTIBLE, TASK_WAKEKILL, EXIT_DEAD, EXIT_ZOMBIE } from './task.ts';
import type { Task } from './task.ts';

export interface Timer {
  expires: number;
  seq: number;
  /** Called with `arg` (timer_list's function and its argument, as from_timer() recovers it). */
  fn: (arg: unknown) => void;
  arg: unknown;
  cancelled: boolean;
}

export type StopReason = 'idle' | 'until' | 'budget' | 'break' | 'halt';

export interface RunLimits {
  /** Stop when virtual time reaches this (ns). */
  until?: number;
  /** Stop after this many scheduler events (task resumptions). */
  maxEvents?: number;
  /** Stop as soon as this returns true (checked after every event). */
  stopWhen?: () => boolean;
}

export const IDLE_CTX = { pid: 0, comm: 'swapper' };

export class Sched {
  now = 0;
  current: Task | null = null;
  /** The task that last had the CPU (null = idle). */
  private prev: Task | null = null;
  private rq: Task[] = [];
  private rqHead = 0;
  private readonly timers = new Heap<Timer>((a, b) => a.expires < b.expires || (a.expires === b.expires && a.seq < b.seq));
  private timerSeq = 0;
  events = 0;
  /** Set by breakpoints and tracepoints to stop the run loop after the current event. */
  breakRequested = false;
  /** Where the last breakpoint stopped: the task, and the trace index of the event (-1: a seed line). */
  lastBreak: { pid: number; event: number } | null = null;
  halted = false;
  private readonly prng: Prng;
  sliceStart = 0;
  /** Trace string ids of STATE_STRINGS, -1 until first used (sched_switch's prev_state, swapper). */
  private readonly stateIds = STATE_STRINGS.map(() => -1);

  constructor(private readonly k: Kernel) {
    this.prng = new Prng(k.config.seed);
  }

  get nrRunning(): number {
    return this.rq.length - this.rqHead;
  }

  enqueue(t: Task): void {
    if (t.onRq) return;
    t.onRq = true;
    this.rq.push(t);
  }

  /** try_to_wake_up(): make a sleeping task runnable. Returns false if it was not sleeping. */
  wakeUp(t: Task, state = TASK_INTERRUPTIBLE | TASK_UNINTERRUPTIBLE): boolean {
    if (t.exitState) return false;
    if (t.state === TASK_RUNNING || !(t.state & state)) return false;
    t.state = TASK_RUNNING;
    t.wchan = '';
    if (this.k.trace.begin(EV.sched_wakeup, this.now, this.ctx())) this.k.trace.comm(t).i(t.pid);
    this.enqueue(t);
    return true;
  }

  /** Wake a task for a signal: interruptible sleeps always, killable ones for fatal signals. */
  signalWakeUp(t: Task, fatal: boolean): void {
    if (t.state & TASK_INTERRUPTIBLE) this.wakeUp(t, TASK_INTERRUPTIBLE);
    else if (fatal && t.state & TASK_WAKEKILL) this.wakeUp(t, TASK_UNINTERRUPTIBLE);
  }

  /**
   * A timer calling fn(arg) after delayNs. The argument lets a many-sleeper path (the kmod
   * semaphore's 100,000 waiters) use one shared function instead of a closure per timer.
   */
  addTimer<A>(delayNs: number, fn: (arg: A) => void, arg?: A): Timer {
    const tm: Timer = { expires: this.now + Math.max(0, delayNs), seq: this.timerSeq++, fn: fn as (arg: unknown) => void, arg, cancelled: false };
    this.timers.push(tm);
    return tm;
  }

  /** Charge CPU time to the running task. */
  charge(ns: number): void {
    this.now += ns;
    if (this.current) this.current.sumExec += ns;
  }

  /** Whether the running user task should give the CPU up (its slice is over and others wait). */
  needResched(): boolean {
    if (this.k.config.interleave && this.nrRunning > 0 && this.prng.next() < 0.5) return true;
    // At the end of a slice the scheduler gets control back even when this task is alone (the
    // tick still fires on Linux): timers run and the host's run limits are checked.
    return this.now - this.sliceStart >= this.k.config.timeslice;
  }

  /** The trace context: the running task, or the idle task in timer/softirq context. */
  ctx(): { pid: number; comm: string } {
    return this.current ?? IDLE_CTX;
  }

  nextTimer(): number | undefined {
    this.dropCancelled();
    return this.timers.peek()?.expires;
  }

  private dropCancelled(): void {
    while (this.timers.size && this.timers.peek()!.cancelled) this.timers.pop();
  }

  private fireTimers(): void {
    for (;;) {
      const tm = this.timers.peek();
      if (!tm || tm.expires > this.now) return;
      this.timers.pop();
      if (!tm.cancelled) tm.fn(tm.arg);
    }
  }

  private pick(): Task | null {
    const n = this.nrRunning;
    if (n === 0) return null;
    let t: Task;
    if (this.k.config.interleave && n > 1) {
      const i = this.rqHead + this.prng.int(n);
      t = this.rq[i];
      this.rq[i] = this.rq[this.rqHead];
      this.rqHead++;
    } else {
      t = this.rq[this.rqHead++];
    }
    if (this.rqHead > 1024 && this.rqHead * 2 > this.rq.length) {
      this.rq = this.rq.slice(this.rqHead);
      this.rqHead = 0;
    }
    t.onRq = false;
    return t;
  }

  private switchTo(next: Task | null): void {
    const prev = this.prev;
    if (prev === next) {
      // The same task again (alone on the run queue): a fresh slice, no context switch.
      if (next) this.sliceStart = this.now;
      return;
    }
    const tr = this.k.trace;
    if (tr.begin(EV.sched_switch, this.now, prev ?? IDLE_CTX)) {
      if (prev) tr.comm(prev).i(prev.pid).i(this.stateId(switchState(prev)));
      else tr.i(this.stateId(SWAPPER)).i(0).i(this.stateId(ST_R));
      if (next) tr.comm(next).i(next.pid);
      else tr.i(this.stateId(SWAPPER)).i(0);
    }
    this.prev = next;
    if (next) {
      this.charge(this.k.config.costs.contextSwitch);
      this.sliceStart = this.now;
    }
  }

  /** The run loop: resume runnable tasks, fire timers, advance idle time, until a limit. */
  run(limits: RunLimits = {}): StopReason {
    const until = limits.until ?? Infinity;
    const maxEvents = limits.maxEvents ?? Infinity;
    const stopWhen = limits.stopWhen;
    let n = 0;
    this.breakRequested = false;
    for (;;) {
      if (this.halted) return 'halt';
      this.fireTimers();
      const t = this.pick();
      if (!t) {
        this.switchTo(null);
        const next = this.nextTimer();
        if (next === undefined) return 'idle';
        if (next > until) {
          this.now = Math.max(this.now, until);
          return 'until';
        }
        this.now = Math.max(this.now, next);
        continue;
      }
      if (this.now >= until) {
        this.requeueFront(t);
        return 'until';
      }
      this.switchTo(t);
      this.current = t;
      let brk = false;
      try {
        let gen = t.gen;
        if (!gen) {
          gen = t.gen = t.startFn!(t);
          t.startFn = null;
        }
        let r = gen.next();
        // A kernel thread's function returned: do_exit() with its value, in the same turn.
        if (r.done) r = this.k.taskReturned(t, r.value);
        if (!r.done) brk = r.value === BREAK;
      } catch (e) {
        this.k.oops(t, e);
      }
      this.current = null;
      const hit = this.k.trace.breakHit;
      if ((brk || hit >= 0) && t.state === TASK_RUNNING && !t.exitState) {
        // A seed-line breakpoint or step, or an event breakpoint: stop with this task first in
        // line, so going on runs exactly what would have run.
        this.requeueFront(t);
        this.lastBreak = { pid: t.pid, event: hit };
        this.k.trace.breakHit = -1;
        this.events++;
        return 'break';
      }
      if (hit >= 0) {
        this.lastBreak = { pid: t.pid, event: hit };
        this.k.trace.breakHit = -1;
        if (t.state === TASK_RUNNING && !t.exitState) this.enqueue(t);
        this.events++;
        return 'break';
      }
      if (t.state === TASK_RUNNING && !t.exitState) this.enqueue(t);
      this.events++;
      n++;
      if (this.breakRequested) return 'break';
      if (stopWhen && stopWhen()) return 'break';
      if (n >= maxEvents) return 'budget';
    }
  }

  /** The trace's string id of STATE_STRINGS[code], interned on first use (then no Map lookup). */
  private stateId(code: number): number {
    let id = this.stateIds[code];
    if (id < 0) id = this.stateIds[code] = this.k.trace.intern(STATE_STRINGS[code]);
    return id;
  }

  private requeueFront(t: Task): void {
    t.onRq = true;
    if (this.rqHead > 0) this.rq[--this.rqHead] = t;
    else this.rq.unshift(t);
  }
}

/** The strings sched_switch writes besides comms: prev_state's letters, and the idle task's comm. */
const STATE_STRINGS = ['X', 'Z', 'R+', 'R', 'S', 'D', 'T', 'swapper'] as const;
const ST_R = 3, SWAPPER = 7;
const LETTER_CODE: Record<ReturnType<typeof stateLetter>, number> = { X: 0, Z: 1, R: ST_R, S: 4, D: 5, T: 6 };

/** sched_switch's prev_state (as an index of STATE_STRINGS): 'R+' for a preempted runnable task. */
function switchState(t: Task): number {
  if (t.exitState === EXIT_DEAD) return 0;
  if (t.exitState === EXIT_ZOMBIE) return 1;
  if (t.state === TASK_RUNNING) return 2;
  return LETTER_CODE[stateLetter(t)];
}
