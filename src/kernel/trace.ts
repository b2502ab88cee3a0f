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

type Column = Uint16Array | Float64Array | Int32Array | Int16Array | Uint32Array;
interface ColumnType<T extends Column> {
  new (length: number): T;
  new (buffer: ArrayBuffer): T;
  readonly BYTES_PER_ELEMENT: number;
}
/** ES2024 resizable ArrayBuffer (typed as ES2022 here): Node 20 and current browsers have it. */
interface ResizableBuffer extends ArrayBuffer {
  readonly resizable: boolean;
  readonly maxByteLength: number;
  resize(byteLength: number): void;
}
const RESIZABLE = typeof (ArrayBuffer.prototype as Partial<ResizableBuffer>).resize === 'function';

/**
 * A column for `length` elements that can grow to `max`: over a resizable buffer (a length-tracking
 * view that grows in place, without copying or slack) when the platform has them.
 */
function column<T extends Column>(C: ColumnType<T>, length: number, max: number): T {
  if (!RESIZABLE || max <= length) return new C(length);
  const Rab = ArrayBuffer as unknown as new (n: number, o: { maxByteLength: number }) => ArrayBuffer;
  return new C(new Rab(length * C.BYTES_PER_ELEMENT, { maxByteLength: max * C.BYTES_PER_ELEMENT }));
}

/** Room for `length` elements: the same column resized in place when it can be, else a copy. */
function grown<T extends Column>(a: T, C: ColumnType<T>, length: number, max: number): T {
  const buf = a.buffer as Partial<ResizableBuffer>;
  const bytes = length * C.BYTES_PER_ELEMENT;
  if (buf.resizable && bytes <= buf.maxByteLength!) {
    buf.resize!(bytes);
    return a;
  }
  const b = column(C, length, Math.max(max, length));
  b.set(a);
  return b;
}

/** Argument slots kept free after begin() and ss(): more than any event's scalar fields (5). */
const ARG_RESERVE = 8;
/** Events and argument slots added per in-place growth (copying growth doubles instead). */
const EVENT_STEP = 1 << 14, ARG_STEP = 1 << 16;

export class TraceBuffer {
  length = 0;
  dropped = 0;
  /** Event breakpoints: event types that stop the machine as soon as the task can be stopped. */
  readonly breakOn = new Uint8Array(EVENTS.length);
  /** Index of the event that hit a breakpoint and has not stopped the machine yet, or -1. */
  breakHit = -1;
  enabled = true;
  private cap = 1024;
  types: Uint16Array;
  times: Float64Array;
  pids: Int32Array;
  comms: Int32Array;
  srcs: Int16Array;
  /**
   * Where each event's arguments start in `args`. The end of event n is offs[n + 1], written by
   * the next begin(), so i() stores one value, not two (on a resizable buffer every typed-array
   * access pays a length check); the open last event's end is filled in by the argOff getter.
   */
  private offs: Uint32Array;
  args: Int32Array;
  argLen = 0;
  /** args.length, kept as a number: a length-tracking view computes its length on each read. */
  private argCap: number;
  readonly strings: string[] = [];
  private readonly ids = new Map<string, number>();

  constructor(readonly maxEvents = 5_000_000) {
    const cap = this.cap, max = maxEvents + 1;
    this.types = column(Uint16Array, cap, max);
    this.times = column(Float64Array, cap, max);
    this.pids = column(Int32Array, cap, max);
    this.comms = column(Int32Array, cap, max);
    this.srcs = column(Int16Array, cap, max);
    this.offs = column(Uint32Array, cap + 1, max + 1);
    this.args = column(Int32Array, cap * 4, max * 4);
    this.argCap = this.args.length;
  }

  /** Events' argument offsets: argOff[n] to argOff[n + 1] for event n < length. */
  get argOff(): Uint32Array {
    this.offs[this.length] = this.argLen;
    return this.offs;
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

  private grow(): void {
    const max = this.maxEvents + 1;
    const cap = RESIZABLE ? Math.min(this.cap + EVENT_STEP, max) : this.cap * 2;
    this.types = grown(this.types, Uint16Array, cap, max);
    this.times = grown(this.times, Float64Array, cap, max);
    this.pids = grown(this.pids, Int32Array, cap, max);
    this.comms = grown(this.comms, Int32Array, cap, max);
    this.srcs = grown(this.srcs, Int16Array, cap, max);
    this.offs = grown(this.offs, Uint32Array, cap + 1, max + 1);
    this.cap = cap;
  }

  private need(n: number): void {
    if (this.argLen + n <= this.argCap) return;
    const len = this.argCap;
    const want = Math.max(RESIZABLE ? len + ARG_STEP : len * 2, this.argLen + n);
    this.args = grown(this.args, Int32Array, want, Math.max(want, len * 2, (this.maxEvents + 1) * 4));
    this.argCap = this.args.length;
  }

  /** Start an event; push its fields in schema order with i()/s()/ss(). False when not recording. */
  begin(type: number, t: number, ctx: TraceContext, src = 0): boolean {
    if (!this.enabled) return false;
    if (this.length >= this.maxEvents) {
      this.dropped++;
      return false;
    }
    if (this.length === this.cap) this.grow();
    const n = this.length++;
    this.types[n] = type;
    this.times[n] = t;
    this.pids[n] = ctx.pid;
    this.comms[n] = ctx instanceof Task ? this.commOf(ctx) : this.intern(ctx.comm);
    this.srcs[n] = src;
    this.offs[n] = this.argLen;
    if (this.breakOn[type] && this.breakHit < 0) this.breakHit = n;
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

  /** Decode event n into our JSON shape. */
  get(n: number): TraceEvent {
    const type = this.types[n];
    const schema = EVENTS[type];
    const ev: TraceEvent = { t: this.times[n], event: schema.name, cpid: this.pids[n], comm: this.strings[this.comms[n]] };
    let p = this.offs[n];
    const fields = ev as Record<string, unknown>;
    // An event with its own `comm` field (sched_wakeup's woken task, for one) would hide the comm
    // of the task it happened in: that one stays as `ccomm` (ftrace's common_comm).
    if (HAS_COMM[type]) ev.ccomm = ev.comm;
    const kinds = KINDS[type];
    for (let f = 0; f < kinds.length; f++) {
      const name = schema.fields[f][0];
      const kind = kinds[f];
      if (kind === 'int') fields[name] = this.args[p++];
      else if (kind === 'str') fields[name] = this.strings[this.args[p++]];
      else {
        const count = this.args[p++];
        const arr: string[] = [];
        for (let j = 0; j < count; j++) arr.push(this.strings[this.args[p++]]);
        fields[name] = arr;
      }
    }
    if (this.srcs[n]) ev.src = `kmod.c:${this.srcs[n]}`;
    return ev;
  }

  /** Events [from, to) decoded. */
  slice(from = 0, to = this.length): TraceEvent[] {
    const out: TraceEvent[] = [];
    for (let n = from; n < to; n++) out.push(this.get(n));
    return out;
  }

  typeOf(n: number): EventName {
    return EVENTS[this.types[n]].name;
  }
}
