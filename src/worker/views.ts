// The machinery views' side of the worker: one ViewBatch per frame at most (the trace since the
// last one as transferred typed arrays, new dmesg records, counters, the task table while wanted,
// where a breakpoint stopped), and the debugger's controls (seed-line breakpoints and stepping,
// event breakpoints). The next batch leaves only when the page has handled the previous one.
import * as Comlink from 'comlink';
import { counters, traceChunk } from '../init/inspect.ts';
import {
  applyEventBreakpoints, armLineStep, dmesgSince, EventWatch, eventStop, lineStepArmed, lineStop, profileName, setLineBreakpoints,
  takeEventBreak, taskDetails,
  taskTable, traceLength,
} from '../init/views.ts';
import type { TaskInfo } from '../init/inspect.ts';
import type { StopPoint } from '../init/views.ts';
import type { Engine } from './engine.ts';
import type { DebugState, ViewBatch, ViewListener } from './views_api.ts';

const FRAME_MS = 16;
/** The task table goes at most this often (ms): it is the one part that costs per task. */
const TASKS_MS = 250;
/** Events per batch: the page ingests a chunk within a frame; a faster machine makes it catch up later. */
export const CHUNK_EVENTS = 20_000;

export class ViewFeed {
  private listener: ViewListener | null = null;
  private epoch = -1;
  private sentEvents = 0;
  private sentStrings = 0;
  private dmesgSeq = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight = false;
  /** Something happened since the last batch was built (a batch in flight defers it). */
  private wanted = false;
  private last = -Infinity;
  private wantTasks = false;
  private lastTasks = -Infinity;
  private tasksAt = -1;
  private lastCounters = '';
  private lastDebug = '';
  private lastNow = -1;
  private lastNowSent = -Infinity;
  private lastDropped = 0;
  private stop: StopPoint | null = null;
  private lineBps: number[] = [];
  private eventBps: string[] = [];
  private readonly watch = new EventWatch();
  private eventHit = -1;

  constructor(private readonly engine: Engine) {
    engine.hooks.watch = () => {
      if (!this.watch.check(engine.m)) return false;
      this.eventHit = this.watch.hit;
      return true;
    };
    engine.hooks.hitBreak = () => this.stopped();
    engine.hooks.ran = () => this.schedule();
    engine.hooks.adopted = () => {
      // A new machine keeps the breakpoints; its trace starts from nothing.
      setLineBreakpoints(engine.m, this.lineBps);
      applyEventBreakpoints(engine.m, this.eventBps);
      this.watch.skip(engine.m);
      this.schedule();
    };
  }

  subscribe(l: ViewListener): void {
    this.listener = l;
    this.epoch = -1;
    this.schedule();
  }

  wantTaskTable(on: boolean): void {
    this.wantTasks = on;
    this.lastTasks = -Infinity;
    this.schedule();
  }

  details(pid: number): TaskInfo | null {
    return taskDetails(this.engine.m, pid);
  }

  setLineBreakpoints(lines: number[]): void {
    this.lineBps = [...new Set(lines.filter((n) => Number.isInteger(n) && n > 0))].sort((a, b) => a - b);
    setLineBreakpoints(this.engine.m, this.lineBps);
    this.schedule();
  }

  setEventBreakpoints(names: string[]): void {
    this.eventBps = [...new Set(names)];
    this.watch.set(this.eventBps);
    applyEventBreakpoints(this.engine.m, this.eventBps);
    this.watch.skip(this.engine.m);
    this.schedule();
  }

  stepLine(): void {
    armLineStep(this.engine.m, true);
    this.resume();
  }

  continueRun(): void {
    armLineStep(this.engine.m, false);
    this.resume();
  }

  private resume(): void {
    this.watch.skip(this.engine.m);
    this.engine.control('run');
    this.schedule();
  }

  /** The run loop stopped at a BREAK (a seed line) or after an event breakpoint fired. */
  private stopped(): void {
    const m = this.engine.m;
    // The kernel stopped at an event breakpoint itself (exactly where it fired).
    const kernelHit = takeEventBreak(m);
    if (kernelHit >= 0) this.eventHit = kernelHit;
    if (this.eventHit >= 0) {
      this.stop = eventStop(m, this.eventHit);
      this.eventHit = -1;
    } else {
      this.stop = lineStop(m);
    }
    this.schedule();
  }

  private debugState(): DebugState {
    return { lineBreakpoints: this.lineBps, eventBreakpoints: this.eventBps, stepping: lineStepArmed(this.engine.m) };
  }

  private schedule(delay = 0): void {
    this.wanted = true;
    if (this.timer !== null || this.inFlight || !this.listener || !this.engine.m) return;
    const wait = Math.max(delay, this.last + FRAME_MS - performance.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, wait);
  }

  private restartIfNew(): void {
    if (this.engine.epoch === this.epoch) return;
    this.epoch = this.engine.epoch;
    this.sentEvents = 0;
    this.sentStrings = 0;
    this.dmesgSeq = 0;
    this.lastCounters = '';
    this.lastDebug = '';
    this.lastDropped = 0;
    this.lastTasks = -Infinity;
    this.tasksAt = -1;
  }

  /** The next batch, or null when nothing changed since the last one. */
  private build(): { batch: ViewBatch | null; transfer: Transferable[]; more: boolean } {
    const m = this.engine.m;
    const fresh = this.engine.epoch !== this.epoch;
    this.restartIfNew();
    const len = traceLength(m);
    let trace: ViewBatch['trace'] = null;
    const transfer: Transferable[] = [];
    if (len > this.sentEvents) {
      trace = traceChunk(m.k, this.sentEvents, this.sentStrings, CHUNK_EVENTS);
      this.sentEvents += trace.count;
      this.sentStrings += trace.strings.length;
      transfer.push(trace.types.buffer, trace.times.buffer, trace.pids.buffer, trace.comms.buffer, trace.srcs.buffer, trace.argOff.buffer, trace.args.buffer);
    }
    const d = dmesgSince(m, this.dmesgSeq);
    this.dmesgSeq = d.next;
    const c = counters(m.k);
    const cKey = JSON.stringify({ ...c, now: 0 });
    const debug = this.debugState();
    const dKey = JSON.stringify(debug);
    let tasks: ViewBatch['tasks'] = null;
    const now = performance.now();
    // The first batch of a machine always has the table: the page learns the tasks the trace
    // began with (which are kernel threads) from it.
    if (fresh || (this.wantTasks && now - this.lastTasks >= TASKS_MS && m.k.sched.events !== this.tasksAt)) {
      tasks = taskTable(m);
      this.lastTasks = now;
      this.tasksAt = m.k.sched.events;
      for (const a of [tasks.pids, tasks.ppids, tasks.states, tasks.flags, tasks.starts, tasks.depth, tasks.parentRow, tasks.posIn, tasks.setSize]) transfer.push(a.buffer);
    }
    // More to send: trace behind, or a task table held back by its rate.
    const more = this.sentEvents < len || (this.wantTasks && m.k.sched.events !== this.tasksAt);
    // The clock alone (an idle machine whose time passes) moves the live edge a few times a second.
    const clock = m.now !== this.lastNow && now - this.lastNowSent >= TASKS_MS;
    // Once the trace buffer is full, no chunk comes any more: the count of dropped events still does.
    const dropped = m.k.trace.dropped;
    const changed = fresh || trace || d.records.length || cKey !== this.lastCounters || dKey !== this.lastDebug || tasks || this.stop || clock
      || dropped !== this.lastDropped;
    if (!changed) return { batch: null, transfer, more: more || m.now !== this.lastNow };
    this.lastNow = m.now;
    this.lastNowSent = now;
    this.lastCounters = cKey;
    this.lastDebug = dKey;
    this.lastDropped = dropped;
    const batch: ViewBatch = {
      epoch: this.epoch, profile: profileName(m), now: m.now, running: this.engine.loop.state === 'running',
      trace, traceLength: len, traceCap: m.k.trace.maxEvents, traceDropped: dropped, dmesg: d.records, dmesgLost: d.lost, counters: c, tasks, stop: this.stop, debug,
    };
    this.stop = null;
    return { batch, transfer, more };
  }

  private async flush(): Promise<void> {
    if (!this.listener || !this.engine.m) return;
    this.last = performance.now();
    this.wanted = false;
    const next = this.build();
    if (!next.batch) {
      if (next.more) this.schedule(TASKS_MS);
      return;
    }
    this.inFlight = true;
    try {
      await this.listener(Comlink.transfer(next.batch, next.transfer));
    } catch (_e) {
      // The page went away or its handler threw: the next batch starts over for it.
      this.epoch = -1;
    } finally {
      this.inFlight = false;
    }
    if (next.more || this.wanted) this.schedule();
  }
}
