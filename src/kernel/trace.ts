// The kernel's trace buffer (kernel/trace/ring_buffer.c in spirit): events named after Linux
// tracepoints, stored compactly in typed columns with interned strings, decoded on demand.
// Unlike ftrace's ring buffer it stops recording when full (and counts what it dropped).
import { EVENTS } from '../uapi/trace.ts';
import type { EventName, FieldKind, TraceEvent } from '../uapi/trace.ts';
import { Task } from './task.ts';

export const EV = Object.fromEntries(EVENTS.map((e, i) => [e.name, i])) as { [K in EventName]: number };
const KINDS: FieldKind[][] = EVENTS.map((e) => e.fields.map((f) => f[1]));

export interface TraceContext {
  pid: number;
  comm: string;
}

export class TraceBuffer {
  length = 0;
  dropped = 0;
  enabled = true;
  private cap = 1024;
  types = new Uint16Array(this.cap);
  times = new Float64Array(this.cap);
  pids = new Int32Array(this.cap);
  comms = new Int32Array(this.cap);
  srcs = new Int16Array(this.cap);
  argOff = new Uint32Array(this.cap + 1);
  args = new Int32Array(this.cap * 4);
  argLen = 0;
  readonly strings: string[] = [];
  private readonly ids = new Map<string, number>();

  constructor(readonly maxEvents = 5_000_000) {}

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
    const cap = this.cap * 2;
    const g = <T extends Uint16Array | Float64Array | Int32Array | Int16Array | Uint32Array>(a: T, n: number): T => {
      const b = new (a.constructor as new (n: number) => T)(n);
      b.set(a);
      return b;
    };
    this.types = g(this.types, cap);
    this.times = g(this.times, cap);
    this.pids = g(this.pids, cap);
    this.comms = g(this.comms, cap);
    this.srcs = g(this.srcs, cap);
    this.argOff = g(this.argOff, cap + 1);
    this.cap = cap;
  }

  private need(n: number): void {
    if (this.argLen + n <= this.args.length) return;
    const b = new Int32Array(Math.max(this.args.length * 2, this.argLen + n));
    b.set(this.args);
    this.args = b;
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
    this.argOff[n] = this.argLen;
    this.argOff[n + 1] = this.argLen;
    return true;
  }

  i(v: number): this {
    this.need(1);
    this.args[this.argLen++] = v | 0;
    this.argOff[this.length] = this.argLen;
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
    this.need(v.length + 1);
    this.args[this.argLen++] = v.length;
    for (const x of v) this.args[this.argLen++] = this.intern(x);
    this.argOff[this.length] = this.argLen;
    return this;
  }

  /** Decode event n into our JSON shape. */
  get(n: number): TraceEvent {
    const type = this.types[n];
    const schema = EVENTS[type];
    const ev: TraceEvent = { t: this.times[n], event: schema.name, cpid: this.pids[n], comm: this.strings[this.comms[n]] };
    let p = this.argOff[n];
    const fields = ev as Record<string, unknown>;
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
