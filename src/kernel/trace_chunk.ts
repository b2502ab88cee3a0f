// The trace buffer's storage (trace.ts): chunks of plain typed arrays, and the reading side of
// them. Per event a chunk keeps its type, time, source line and context (an index into the
// buffer's table of (pid, comm) pairs): 16 bytes. Its arguments follow one another in `args`;
// where an event's start is recorded only for every OFF_EVERY-th event and found for the others
// by walking the schema from there (reading is rare, writing is every event).
import { EVENTS } from '../uapi/trace.ts';
import type { FieldKind, TraceEvent } from '../uapi/trace.ts';

/**
 * Events per chunk. A full chunk stays as it is and the next one is allocated whole, so at most
 * one chunk is slack and the write path stores into ordinary typed arrays (a length-tracking view
 * over a resizable ArrayBuffer pays a length check on every store). The first chunk starts at
 * FIRST events and doubles up to a whole one, so a machine that traces little holds little.
 */
export const SHIFT = 15;
export const TRACE_CHUNK = 1 << SHIFT;
export const MASK = TRACE_CHUNK - 1;
export const FIRST = 1024;
/** Events per recorded argument offset. */
export const OFF_SHIFT = 4;
const OFF_EVERY = 1 << OFF_SHIFT;

const KINDS: FieldKind[][] = EVENTS.map((e) => e.fields.map((f) => f[1]));
/** Argument slots of each event type, or -1 when it has a string list (its length is in args). */
const FIXED: number[] = KINDS.map((ks) => (ks.includes('strs') ? -1 : ks.length));
const HAS_COMM: boolean[] = EVENTS.map((e) => e.fields.some((f) => f[0] === 'comm'));

export interface Chunk {
  types: Uint16Array;
  times: Float64Array;
  /** Index into TraceBuffer's context table: the pid and comm the event happened in. */
  ctxs: Int32Array;
  srcs: Int16Array;
  /** Where the arguments of event OFF_EVERY * k start, for each k. */
  offs: Uint32Array;
  args: Int32Array;
  /** Argument slots used (for the chunk being written the buffer's own count is current). */
  argLen: number;
}

/** A chunk for `size` events with `argSlots` argument slots to start with. */
export function newChunk(size: number, argSlots: number): Chunk {
  return {
    types: new Uint16Array(size), times: new Float64Array(size), ctxs: new Int32Array(size), srcs: new Int16Array(size),
    offs: new Uint32Array(((size - 1) >> OFF_SHIFT) + 1), args: new Int32Array(argSlots), argLen: 0,
  };
}

/** The argument slots of an event of `type` whose arguments start at args[p]. */
function width(type: number, args: Int32Array, p: number): number {
  const w = FIXED[type];
  if (w >= 0) return w;
  let q = p;
  for (const k of KINDS[type]) q += k === 'strs' ? 1 + args[q] : 1;
  return q - p;
}

/** Where the arguments of event i of chunk c start. */
export function argStart(c: Chunk, i: number): number {
  let p = c.offs[i >> OFF_SHIFT];
  for (let j = i & ~(OFF_EVERY - 1); j < i; j++) p += width(c.types[j], c.args, p);
  return p;
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

/** The context table: pid and interned comm of each context id. */
export interface Contexts {
  pids: number[];
  comms: number[];
}

/** Events [from, to) of `chunks` (complete events: the ones recorded so far) in contiguous columns. */
export function copyColumns(chunks: readonly Chunk[], ctx: Contexts, from: number, to: number): TraceColumns {
  const count = Math.max(0, to - from);
  const out: TraceColumns = {
    types: new Uint16Array(count), times: new Float64Array(count), pids: new Int32Array(count), comms: new Int32Array(count),
    srcs: new Int16Array(count), argOff: new Uint32Array(count + 1), args: new Int32Array(0),
  };
  // Offsets first (walking each segment), then the arguments in one array.
  const segs: [Chunk, number, number, number][] = [];  // chunk, first and end argument slot, where they go
  let o = 0, a = 0;
  for (let n = from; n < to;) {
    const c = chunks[n >>> SHIFT], i0 = n & MASK, i1 = Math.min(TRACE_CHUNK, i0 + to - n);
    const a0 = argStart(c, i0);
    let p = a0;
    for (let i = i0; i < i1; i++) {
      out.argOff[o] = a + p - a0;
      const x = c.ctxs[i];
      out.pids[o] = ctx.pids[x];
      out.comms[o++] = ctx.comms[x];
      p += width(c.types[i], c.args, p);
    }
    out.types.set(c.types.subarray(i0, i1), o - (i1 - i0));
    out.times.set(c.times.subarray(i0, i1), o - (i1 - i0));
    out.srcs.set(c.srcs.subarray(i0, i1), o - (i1 - i0));
    segs.push([c, a0, p, a]);
    a += p - a0;
    n += i1 - i0;
  }
  out.argOff[count] = a;
  out.args = new Int32Array(a);
  for (const [c, a0, a1, at] of segs) out.args.set(c.args.subarray(a0, a1), at);
  return out;
}

/** Event i of chunk c in our JSON shape. */
export function decodeEvent(c: Chunk, i: number, strings: readonly string[], ctx: Contexts): TraceEvent {
  const type = c.types[i];
  const schema = EVENTS[type];
  const x = c.ctxs[i];
  const ev: TraceEvent = { t: c.times[i], event: schema.name, cpid: ctx.pids[x], comm: strings[ctx.comms[x]] };
  const args = c.args;
  let p = argStart(c, i);
  const fields = ev as Record<string, unknown>;
  // An event with its own `comm` field (sched_wakeup's woken task, for one) would hide the comm
  // of the task it happened in: that one stays as `ccomm` (ftrace's common_comm).
  if (HAS_COMM[type]) ev.ccomm = ev.comm;
  const kinds = KINDS[type];
  for (let f = 0; f < kinds.length; f++) {
    const name = schema.fields[f][0];
    const kind = kinds[f];
    if (kind === 'int') fields[name] = args[p++];
    else if (kind === 'str') fields[name] = strings[args[p++]];
    else {
      const count = args[p++];
      const arr: string[] = [];
      for (let j = 0; j < count; j++) arr.push(strings[args[p++]]);
      fields[name] = arr;
    }
  }
  if (c.srcs[i]) ev.src = `kmod.c:${c.srcs[i]}`;
  return ev;
}
