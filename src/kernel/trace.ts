// The kernel's trace buffer (kernel/trace/ring_buffer.c in spirit): events named after Linux
// tracepoints, stored compactly in typed columns with interned strings, decoded on demand.
// Unlike ftrace's ring buffer it stops recording when full (and counts what it dropped).
import { EVENTS } from '../uapi/trace.ts';
import type { EventName, FieldKind, TraceEvent } from '../uapi/trace.ts';
import { Task } from './task.ts';

export const EV = Object.fromEntries(EVENTS.map((e, i) => [e.name, i])) as { [K in EventName]: number };
const KINDS: FieldKind[][] = EVENTS.map((e) => e.fields.map((f) => f[1]));
const HAS_COMM: boolean[] = EVENTS.map((e) => e.fields.some((f) => f[0] === 'comm'));

export interface TraceContext {
  pid: number;
  comm: string;
}

/**
 * Events per chunk. The columns are kept in chunks of plain typed arrays: a full chunk stays as it
 * is and the next one is allocated whole, so at most one chunk is slack and the write path stores
 * into ordinary typed arrays (a length-tracking view over a resizable ArrayBuffer pays a length
 * check on every store). The first chunk starts at FIRST events and doubles up to a whole one, so
 * a machine that traces little (a test, a CLI run) holds little.
 */
const SHIFT = 15;
const FIRST = 1024;
export const TRACE_CHUNK = 1 << SHIFT;
const MASK = TRACE_CHUNK - 1;
/** Argument slots kept free after begin() and ss(): more than any event's scalar fields (5). */
const ARG_RESERVE = 8;

/** One chunk's columns; `args` holds its events' arguments, `offs` where each event's start. */
interface Chunk {
  types: Uint16Array;
  times: Float64Array;
  pids: Int32Array;
  comms: Int32Array;
  srcs: Int16Array;
  offs: Uint32Array;
  args: Int32Array;
  /** Argument slots used (for the chunk being written, TraceBuffer.argLen is current). */
  argLen: number;
}

/** A chunk for `size` events with `argSlots` argument slots to start with. */
function newChunk(size: number, argSlots: number): Chunk {
  return {
    types: new Uint16Array(size), times: new Float64Array(size), pids: new Int32Array(size),
    comms: new Int32Array(size), srcs: new Int16Array(size), offs: new Uint32Array(size),
    args: new Int32Array(argSlots), argLen: 0,
  };
}

/** Events [from, to) as contiguous columns; event i's arguments are args[argOff[i]] to args[argOff[i + 1]]. */
export interface TraceColumns {
  types: Uint16Array;
  times: Float64Array;
  pids: Int32Array;
  comms: Int32Array;
  srcs: Int16Array;
  argOff: Uint32Array;
  args: Int32Array;
}

export class TraceBuffer {
  length = 0;
  dropped = 0;
  /** Event breakpoints: event types that stop the machine as soon as the task can be stopped. */
  readonly breakOn = new Uint8Array(EVENTS.length);
  /** Index of the event that hit a breakpoint and has not stopped the machine yet, or -1. */
  breakHit = -1;
  enabled = true;
  readonly strings: string[] = [];
  private readonly ids = new Map<string, number>();
  private readonly chunks: Chunk[] = [];
  // The chunk being written, its columns held here so that the stores below stay monomorphic
  // (set by use()).
  private cur: Chunk;
  private types!: Uint16Array;
  private times!: Float64Array;
  private pids!: Int32Array;
  private comms!: Int32Array;
  private srcs!: Int16Array;
  private offs!: Uint32Array;
  private args!: Int32Array;
  /** Next event's slot in the current chunk. */
  private pos = 0;
  /** Argument slots used in the current chunk, and its args.length. */
  private argLen = 0;
  private argCap!: number;
  /** Argument slots of the chunks before the current one. */
  private argsBefore = 0;

  constructor(readonly maxEvents = 5_000_000) {
    const size = Math.max(1, Math.min(FIRST, maxEvents));
    this.cur = newChunk(size, size * 4);
    this.chunks.push(this.cur);
    this.use(this.cur);
  }

  /** Write into chunk c from now on. */
  private use(c: Chunk): void {
    ({ types: this.types, times: this.times, pids: this.pids, comms: this.comms, srcs: this.srcs, offs: this.offs, args: this.args } = c);
    this.argCap = c.args.length;
  }

  intern(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(s);
      this.ids.set(s, id);
    }
    return id;
  }

  /**
   * The current chunk is full: the first one doubles (copied) until it is whole; a whole one is
   * kept, its argument slots trimmed if a quarter went unused, and the next one gets as many slots
   * as it used plus an eighth (the mix of events changes slowly; need() doubles them if not).
   */
  private nextChunk(): void {
    const c = this.cur, size = c.types.length;
    if (size < TRACE_CHUNK) {
      const bigger = newChunk(Math.min(size * 2, TRACE_CHUNK, this.maxEvents), this.argCap * 2);
      // Same column, same array type on both sides (the cast only unites TypeScript's union).
      for (const k of ['types', 'times', 'pids', 'comms', 'srcs', 'offs'] as const) (bigger[k] as Float64Array).set(c[k]);
      bigger.args.set(c.args.subarray(0, this.argLen));
      this.chunks[this.chunks.length - 1] = this.cur = bigger;
      this.use(bigger);
      return;
    }
    const used = this.argLen;
    c.argLen = used;
    if (this.argCap - used > this.argCap >> 2) c.args = c.args.slice(0, used);
    this.argsBefore += used;
    const next = Math.max(1, Math.min(TRACE_CHUNK, this.maxEvents - this.length));
    this.cur = newChunk(next, Math.ceil((Math.max(TRACE_CHUNK, used + (used >> 3)) * next) / TRACE_CHUNK) + ARG_RESERVE);
    this.chunks.push(this.cur);
    this.use(this.cur);
    this.pos = 0;
    this.argLen = 0;
  }

  /** Room for n more argument slots in the current chunk (its args array doubles: rare). */
  private need(n: number): void {
    if (this.argLen + n <= this.argCap) return;
    const a = new Int32Array(Math.max(this.argCap * 2, this.argLen + n));
    a.set(this.args.subarray(0, this.argLen));
    this.args = this.cur.args = a;
    this.argCap = a.length;
  }

  /** Start an event; push its fields in schema order with i()/s()/ss(). False when not recording. */
  begin(type: number, t: number, ctx: TraceContext, src = 0): boolean {
    if (!this.enabled) return false;
    if (this.length >= this.maxEvents) {
      this.dropped++;
      return false;
    }
    if (this.pos === this.types.length) this.nextChunk();
    const n = this.pos++;
    this.length++;
    this.types[n] = type;
    this.times[n] = t;
    this.pids[n] = ctx.pid;
    this.comms[n] = ctx instanceof Task ? this.commOf(ctx) : this.intern(ctx.comm);
    this.srcs[n] = src;
    this.offs[n] = this.argLen;
    if (this.breakOn[type] && this.breakHit < 0) this.breakHit = this.length - 1;
    // Room for every scalar field of any event, so i() need not check (ss() makes its own).
    if (this.argLen + ARG_RESERVE > this.argCap) this.need(ARG_RESERVE);
    return true;
  }

  i(v: number): this {
    this.args[this.argLen++] = v | 0;
    return this;
  }

  s(v: string): this {
    return this.i(this.intern(v));
  }

  /** A task's comm as a string field. */
  comm(t: Task): this {
    return this.i(this.commOf(t));
  }

  /** The interned comm of a task, remembered on the task while its comm stays the same. */
  private commOf(t: Task): number {
    if (t.traceComm === t.comm) return t.traceCommId;
    const id = this.intern(t.comm);
    t.traceComm = t.comm;
    t.traceCommId = id;
    return id;
  }

  ss(v: readonly string[]): this {
    this.need(v.length + 1 + ARG_RESERVE);
    this.args[this.argLen++] = v.length;
    for (const x of v) this.args[this.argLen++] = this.intern(x);
    return this;
  }

  /** Argument slots used by all events so far. */
  get argCount(): number {
    return this.argsBefore + this.argLen;
  }

  /** Bytes the columns hold (allocated, used or not). */
  get byteLength(): number {
    let n = 0;
    for (const c of this.chunks) for (const a of [c.types, c.times, c.pids, c.comms, c.srcs, c.offs, c.args]) n += a.byteLength;
    return n;
  }

  private chunkArgLen(c: Chunk): number {
    return c === this.cur ? this.argLen : c.argLen;
  }

  /** Event n's type (an index into EVENTS). */
  typeAt(n: number): number {
    return this.chunks[n >>> SHIFT].types[n & MASK];
  }

  timeAt(n: number): number {
    return this.chunks[n >>> SHIFT].times[n & MASK];
  }

  /** Event n's j-th argument slot. */
  argAt(n: number, j: number): number {
    const c = this.chunks[n >>> SHIFT];
    return c.args[c.offs[n & MASK] + j];
  }

  /** Where the arguments of the event before slot i of chunk c end (i = 1 … its event count). */
  private argEnd(c: Chunk, i: number): number {
    const filled = c === this.cur ? this.pos : TRACE_CHUNK;
    return i < filled ? c.offs[i] : this.chunkArgLen(c);
  }

  /** Events [from, to) copied into contiguous columns (transferable: nothing else shares them). */
  columns(from: number, to: number): TraceColumns {
    const count = Math.max(0, to - from);
    let nargs = 0;
    for (let n = from; n < to;) {
      const c = this.chunks[n >>> SHIFT], i0 = n & MASK, i1 = Math.min(TRACE_CHUNK, i0 + to - n);
      nargs += this.argEnd(c, i1) - c.offs[i0];
      n += i1 - i0;
    }
    const out: TraceColumns = {
      types: new Uint16Array(count), times: new Float64Array(count), pids: new Int32Array(count), comms: new Int32Array(count),
      srcs: new Int16Array(count), argOff: new Uint32Array(count + 1), args: new Int32Array(nargs),
    };
    let o = 0, a = 0;
    for (let n = from; n < to;) {
      const c = this.chunks[n >>> SHIFT], i0 = n & MASK, i1 = Math.min(TRACE_CHUNK, i0 + to - n);
      const a0 = c.offs[i0], a1 = this.argEnd(c, i1);
      out.types.set(c.types.subarray(i0, i1), o);
      out.times.set(c.times.subarray(i0, i1), o);
      out.pids.set(c.pids.subarray(i0, i1), o);
      out.comms.set(c.comms.subarray(i0, i1), o);
      out.srcs.set(c.srcs.subarray(i0, i1), o);
      for (let i = i0; i < i1; i++) out.argOff[o++] = a + c.offs[i] - a0;
      out.args.set(c.args.subarray(a0, a1), a);
      a += a1 - a0;
      n += i1 - i0;
    }
    out.argOff[count] = a;
    return out;
  }

  /** Decode event n into our JSON shape. */
  get(n: number): TraceEvent {
    const c = this.chunks[n >>> SHIFT], i = n & MASK;
    const type = c.types[i];
    const schema = EVENTS[type];
    const ev: TraceEvent = { t: c.times[i], event: schema.name, cpid: c.pids[i], comm: this.strings[c.comms[i]] };
    const args = c.args;
    let p = c.offs[i];
    const fields = ev as Record<string, unknown>;
    // An event with its own `comm` field (sched_wakeup's woken task, for one) would hide the comm
    // of the task it happened in: that one stays as `ccomm` (ftrace's common_comm).
    if (HAS_COMM[type]) ev.ccomm = ev.comm;
    const kinds = KINDS[type];
    for (let f = 0; f < kinds.length; f++) {
      const name = schema.fields[f][0];
      const kind = kinds[f];
      if (kind === 'int') fields[name] = args[p++];
      else if (kind === 'str') fields[name] = this.strings[args[p++]];
      else {
        const count = args[p++];
        const arr: string[] = [];
        for (let j = 0; j < count; j++) arr.push(this.strings[args[p++]]);
        fields[name] = arr;
      }
    }
    if (c.srcs[i]) ev.src = `kmod.c:${c.srcs[i]}`;
    return ev;
  }

  /** Events [from, to) decoded. */
  slice(from = 0, to = this.length): TraceEvent[] {
    const out: TraceEvent[] = [];
    for (let n = from; n < to; n++) out.push(this.get(n));
    return out;
  }

  typeOf(n: number): EventName {
    return EVENTS[this.typeAt(n)].name;
  }
}
