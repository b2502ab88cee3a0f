// What the playground's machinery views read from a Machine beyond inspect.ts: the live task table
// in columns (cheap to send for 10,000 tasks), dmesg records since a sequence number, seed-line
// breakpoints and stepping (k.lineBreakpoints, k.lineStepping), event breakpoints checked between
// scheduler events, where the machine stopped, and the decoded trace for export.
import { bytesToUtf8 } from '../lib/bytes.ts';
import { EVENTS } from '../uapi/trace.ts';
import type { TraceEvent } from '../uapi/trace.ts';
import { EV } from '../kernel/trace.ts';
import { isKthread, stateLetter } from '../kernel/task.ts';
import type { Task } from '../kernel/task.ts';
import { displayComm } from '../kernel/procfs.ts';
import { taskInfo } from './inspect.ts';
import type { TaskInfo } from './inspect.ts';
import type { Machine } from './machine.ts';

/**
 * Every live task in pstree -p order (children in the order they were created), one column per
 * field, with the tree's shape: depth, the row of the parent, and the position among siblings.
 * flags: 1 = kernel thread, 2 = usermode helper (exec'd). Built here so the page only draws.
 */
export interface TaskTable {
  count: number;
  pids: Int32Array;
  ppids: Int32Array;
  /** The /proc state letter as a char code. */
  states: Uint8Array;
  flags: Uint8Array;
  /** When each task was created (virtual ns). */
  starts: Float64Array;
  depth: Int32Array;
  /** Row of the parent in this table, -1 for a root. */
  parentRow: Int32Array;
  /** 1-based position among its siblings, and how many there are. */
  posIn: Int32Array;
  setSize: Int32Array;
  comms: string[];
  wchans: string[];
}

export function taskTable(m: Machine): TaskTable {
  const k = m.k;
  const n = k.tasks.size;
  const t: TaskTable = {
    count: n, pids: new Int32Array(n), ppids: new Int32Array(n), states: new Uint8Array(n), flags: new Uint8Array(n),
    starts: new Float64Array(n), depth: new Int32Array(n), parentRow: new Int32Array(n), posIn: new Int32Array(n), setSize: new Int32Array(n),
    comms: new Array<string>(n), wchans: new Array<string>(n),
  };
  const inTable = new Set(k.tasks.values());
  const roots = [...inTable].filter((x) => !x.parent || x.parent === x || !inTable.has(x.parent));
  const isRoot = new Set(roots);
  // Children in creation order: k.tasks holds them in the order they were created.
  const kids = new Map<Task, Task[]>();
  for (const task of k.tasks.values()) {
    if (isRoot.has(task)) continue;
    const list = kids.get(task.parent!);
    if (list) list.push(task);
    else kids.set(task.parent!, [task]);
  }
  let r = 0;
  const stack: [Task, number, number, number, number][] = roots.map((x, i) => [x, 0, -1, i + 1, roots.length] as [Task, number, number, number, number]).reverse();
  while (stack.length && r < n) {
    const [task, depth, parentRow, pos, size] = stack.pop()!;
    t.pids[r] = task.pid;
    t.ppids[r] = task.parent?.pid ?? 0;
    t.states[r] = stateLetter(task).charCodeAt(0);
    t.flags[r] = (isKthread(task) ? 1 : 0) | (task.umhHelper ? 2 : 0);
    t.starts[r] = task.startTime;
    t.depth[r] = depth;
    t.parentRow[r] = parentRow;
    t.posIn[r] = pos;
    t.setSize[r] = size;
    t.comms[r] = displayComm(k, task);
    t.wchans[r] = task.wchan;
    const row = r++;
    const list = kids.get(task) ?? [];
    for (let i = list.length - 1; i >= 0; i--) stack.push([list[i], depth + 1, row, i + 1, list.length]);
  }
  t.count = r;
  return t;
}

/** /proc-style details of a live task, or null once it is gone. */
export function taskDetails(m: Machine, pid: number): TaskInfo | null {
  const t = m.k.tasks.get(pid);
  return t ? taskInfo(m.k, t) : null;
}

export interface DmesgRecord {
  seq: number;
  /** Virtual time, ns. */
  t: number;
  level: number;
  facility: number;
  /** UTF-8 decoded. */
  text: string;
}

/** Log records with seq >= `from` (at most `max`); `lost` counts records the log buffer dropped. */
export function dmesgSince(m: Machine, from: number, max = 5000): { records: DmesgRecord[]; next: number; lost: number } {
  const recs = m.k.printk.records;
  let lo = 0, hi = recs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (recs[mid].seq < from) lo = mid + 1;
    else hi = mid;
  }
  const lost = recs.length && recs[0].seq > from ? recs[0].seq - from : 0;
  const out: DmesgRecord[] = [];
  for (let i = lo; i < recs.length && out.length < max; i++) {
    const r = recs[i];
    out.push({ seq: r.seq, t: r.t, level: r.level, facility: r.facility, text: bytesToUtf8(r.text) });
  }
  return { records: out, next: out.length ? out[out.length - 1].seq + 1 : Math.max(from, recs.length ? recs[recs.length - 1].seq + 1 : from), lost };
}

export function setLineBreakpoints(m: Machine, lines: readonly number[]): void {
  const set = m.k.lineBreakpoints;
  set.clear();
  for (const n of lines) set.add(n);
}

/** Stop at the next seed line any task executes (kmod.ts line()): armed until a line is reached. */
export function armLineStep(m: Machine, on: boolean): void {
  m.k.lineStepping = on;
}

export function lineStepArmed(m: Machine): boolean {
  return m.k.lineStepping;
}

/** Where the machine stopped: the task, the seed line lit, and the event that stopped it. */
export interface StopPoint {
  pid: number;
  comm: string;
  /** Seed line (kmod.c), 0 if none. */
  line: number;
  /** The function of that line (kmod_line's field), or ''. */
  fn: string;
  /** The event that stopped the machine: kmod_line for a line, else the event breakpoint's. */
  event: string;
  t: number;
  /** The event decoded (ftrace-like fields). */
  fields: Record<string, unknown>;
}

function stopAt(m: Machine, index: number): StopPoint {
  const e = m.k.trace.get(index);
  const { t, event, cpid, comm, src, ...fields } = e;
  const line = src ? Number(src.slice(src.indexOf(':') + 1)) : (m.k.tasks.get(cpid)?.srcLine ?? 0);
  return { pid: cpid, comm, line, fn: event === 'kmod_line' ? String(fields.fn) : '', event, t, fields };
}

/**
 * After a seed-line BREAK the last kmod_line event is where the stopped task is (line() records
 * the event, then asks lineStop()). Looks back at most `window` events.
 */
export function lineStop(m: Machine, window = 4096): StopPoint | null {
  const tr = m.k.trace;
  for (let i = tr.length - 1; i >= 0 && i >= tr.length - window; i--) {
    if (tr.typeAt(i) === EV.kmod_line) return stopAt(m, i);
  }
  return null;
}

export function eventStop(m: Machine, index: number): StopPoint {
  return stopAt(m, index);
}

/**
 * Event breakpoints in the kernel itself: the trace marks the first event of a watched type and
 * the task stops at its next stopping point (before user code after an exec, right after a wait4
 * reaped, at the next seed line), as a seed-line breakpoint does.
 */
export function applyEventBreakpoints(m: Machine, names: readonly string[]): void {
  const mask = m.k.trace.breakOn;
  mask.fill(0);
  for (const name of names) {
    const id = (EV as Record<string, number>)[name];
    if (id !== undefined) mask[id] = 1;
  }
}

/** The event index of the event breakpoint that stopped the machine last (then forgotten), or -1. */
export function takeEventBreak(m: Machine): number {
  const lb = m.k.sched.lastBreak;
  m.k.sched.lastBreak = null;
  return lb ? lb.event : -1;
}

/**
 * Event breakpoints, checked by the host after every scheduler event: scans the events recorded
 * since the last check. The machine stops after the scheduler event in which the event fired
 * (the kernel has no tracepoint hook that yields BREAK at the event itself).
 */
export class EventWatch {
  private readonly mask = new Uint8Array(EVENTS.length);
  private any = false;
  private from = 0;
  /** Trace index of the event that fired last. */
  hit = -1;

  set(names: readonly string[]): void {
    this.mask.fill(0);
    this.any = false;
    for (const name of names) {
      const id = (EV as Record<string, number>)[name];
      if (id !== undefined) {
        this.mask[id] = 1;
        this.any = true;
      }
    }
  }

  /** Start watching from the trace's current end (a new machine, or a resume). */
  skip(m: Machine): void {
    this.from = m.k.trace.length;
  }

  check(m: Machine): boolean {
    const tr = m.k.trace;
    const n = tr.length;
    if (!this.any || n < this.from) {
      this.from = n;
      return false;
    }
    const mask = this.mask;
    for (let i = this.from; i < n; i++) {
      if (mask[tr.typeAt(i)]) {
        this.hit = i;
        // The rest of this scheduler event's events are behind the stop already.
        this.from = n;
        return true;
      }
    }
    this.from = n;
    return false;
  }
}

/** The whole trace decoded (the JSON export; ftrace and Perfetto are made from it). */
export function traceEvents(m: Machine): TraceEvent[] {
  return m.k.trace.slice();
}

export function traceLength(m: Machine): number {
  return m.k.trace.length;
}

export function profileName(m: Machine): string {
  return m.k.config.profile;
}
