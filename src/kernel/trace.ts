// The kernel's trace buffer (kernel/trace/ring_buffer.c in spirit): events named after Linux
// tracepoints, stored compactly in typed columns with interned strings, decoded on demand.
// Unlike ftrace's ring buffer it stops recording when full (and counts what it dropped).
// Storage and reading: trace_chunk.ts.
import { EVENTS } from '../uapi/trace.ts';
import type { EventName, TraceEvent } from '../uapi/trace.ts';
import { Task } from './task.ts';
import { FIRST, MASK, OFF_SHIFT, SHIFT, TRACE_CHUNK, argStart, copyColumns, decodeEvent, newChunk } from './trace_chunk.ts';
import type { Chunk, Contexts, TraceColumns } from './trace_chunk.ts';

export { TRACE_CHUNK };
export type { TraceColumns };
export const EV = Object.fromEntries(EVENTS.map((e, i) => [e.name, i])) as { [K in EventName]: number };

export interface TraceContext {
  pid: number;
  comm: string;
}

/** Argument slots kept free after begin() and ss(): more than any event's scalar fields (5). */
const ARG_RESERVE = 8;
/** A context's key in ctxIds: comm id and pid in one number (pids stay below 2^22). */
const PID_SPAN = 4_194_304;

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
  /** Each (pid, comm) an event happened in, once: events keep the index. */
  private readonly ctx: Contexts = { pids: [], comms: [] };
  private readonly ctxIds = new Map<number, number>();
  private readonly chunks: Chunk[] = [];
  // The chunk being written, its columns held here so that the stores below stay monomorphic
  // (set by use()).
  private cur: Chunk;
  private types!: Uint16Array;
  private times!: Float64Array;
  private ctxs!: Int32Array;
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
    ({ types: this.types, times: this.times, ctxs: this.ctxs, srcs: this.srcs, offs: this.offs, args: this.args } = c);
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

  /** A new context id for (pid, interned comm). */
  private newCtx(pid: number, comm: number): number {
    this.ctx.pids.push(pid);
    this.ctx.comms.push(comm);
    return this.ctx.pids.length - 1;
  }

  /**
   * The context id of a context that is not a task (the idle task's, a scenario step's), found
   * in a map. A task keeps its own (Task.traceCtxId), so tasks need no lookup: a pid reused by a
   * later task with the same comm just gets a second entry.
   */
  private ctxId(pid: number, comm: number): number {
    const key = comm * PID_SPAN + pid;
    let id = this.ctxIds.get(key);
    if (id === undefined) {
      id = this.newCtx(pid, comm);
      this.ctxIds.set(key, id);
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
      for (const k of ['types', 'times', 'ctxs', 'srcs', 'offs'] as const) (bigger[k] as Float64Array).set(c[k]);
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

  /**
   * Start an event; push every field of its schema, in order, with i()/s()/ss() (the reading
   * side finds where each event's fields start by walking the schema). False when not recording.
   */
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
    this.ctxs[n] = ctx instanceof Task ? this.taskCtx(ctx) : this.ctxId(ctx.pid, this.intern(ctx.comm));
    this.srcs[n] = src;
    if (!(n & ((1 << OFF_SHIFT) - 1))) this.offs[n >> OFF_SHIFT] = this.argLen;
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

  /** The interned comm and the context id of a task, remembered on it while its comm stays the same. */
  private commOf(t: Task): number {
    if (t.traceComm === t.comm) return t.traceCommId;
    const id = this.intern(t.comm);
    t.traceComm = t.comm;
    t.traceCommId = id;
    t.traceCtxId = this.newCtx(t.pid, id);
    return id;
  }

  private taskCtx(t: Task): number {
    if (t.traceComm !== t.comm) this.commOf(t);
    return t.traceCtxId;
  }

  ss(v: readonly string[]): this {
    this.need(v.length + 1 + ARG_RESERVE);
    this.args[this.argLen++] = v.length;
    for (const x of v) this.args[this.argLen++] = this.intern(x);
    return this;
  }

  /** Entries of the context table ((pid, comm) pairs events point to). */
  get contextCount(): number {
    return this.ctx.pids.length;
  }

  /** Argument slots used by all events so far. */
  get argCount(): number {
    return this.argsBefore + this.argLen;
  }

  /** Bytes the columns hold (allocated, used or not), the context table's included. */
  get byteLength(): number {
    let n = this.ctx.pids.length * 16;
    for (const c of this.chunks) for (const a of [c.types, c.times, c.ctxs, c.srcs, c.offs, c.args]) n += a.byteLength;
    return n;
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
    return c.args[argStart(c, n & MASK) + j];
  }

  /** Events [from, to) copied into contiguous columns (transferable: nothing else shares them). */
  columns(from: number, to: number): TraceColumns {
    return copyColumns(this.chunks, this.ctx, from, Math.min(to, this.length));
  }

  /** Decode event n into our JSON shape. */
  get(n: number): TraceEvent {
    return decodeEvent(this.chunks[n >>> SHIFT], n & MASK, this.strings, this.ctx);
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
