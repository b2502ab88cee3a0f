// The trace buffer's chunked columns (src/kernel/trace.ts): events past a chunk boundary read back
// the same through every accessor, a range copied out for the worker (columns()) matches event by
// event, a long argument list grows its chunk's arguments, and a small cap allocates a short
// last chunk instead of a whole one.
import { describe, expect, it } from 'vitest';
import { TRACE_CHUNK, TraceBuffer } from '../../src/kernel/trace.ts';
import { EVENTS } from '../../src/uapi/trace.ts';

const EXEC = EVENTS.findIndex((e) => e.name === 'sched_process_exec');
const WAKEUP = EVENTS.findIndex((e) => e.name === 'sched_wakeup');

/** n events alternating sched_wakeup (comm, pid) and sched_process_exec (filename, pid, old_pid, argv, envp, ret). */
function filled(n: number, argvLen = (i: number) => i % 5): TraceBuffer {
  const tb = new TraceBuffer(n + 10);
  for (let i = 0; i < n; i++) {
    const ctx = { pid: i, comm: `t${i % 7}` };
    if (i % 2) {
      tb.begin(WAKEUP, i * 10, ctx);
      tb.s(`w${i % 3}`).i(i + 1);
    } else {
      tb.begin(EXEC, i * 10, ctx, i % 300);
      tb.s('/sbin/modprobe').i(i).i(i).ss(Array.from({ length: argvLen(i) }, (_, j) => `a${j}`)).ss(['HOME=/']).i(0);
    }
  }
  return tb;
}

describe('trace buffer chunks', () => {
  it('events on both sides of chunk boundaries decode as written', () => {
    const n = TRACE_CHUNK * 2 + 17;
    const tb = filled(n);
    expect(tb.length).toBe(n);
    for (const i of [0, 1, TRACE_CHUNK - 1, TRACE_CHUNK, TRACE_CHUNK + 1, 2 * TRACE_CHUNK, n - 1]) {
      const ev = tb.get(i);
      expect(ev.t).toBe(i * 10);
      expect(ev.cpid).toBe(i);
      expect(i % 2 ? ev.ccomm : ev.comm).toBe(`t${i % 7}`);
      expect(tb.typeAt(i)).toBe(i % 2 ? WAKEUP : EXEC);
      expect(tb.timeAt(i)).toBe(i * 10);
      if (i % 2) {
        expect(ev).toMatchObject({ event: 'sched_wakeup', comm: `w${i % 3}`, ccomm: `t${i % 7}`, pid: i + 1 });
        expect(tb.argAt(i, 1)).toBe(i + 1);
      } else {
        expect(ev).toMatchObject({ event: 'sched_process_exec', filename: '/sbin/modprobe', pid: i, argv: Array.from({ length: i % 5 }, (_, j) => `a${j}`), envp: ['HOME=/'] });
        expect(ev.src ?? null).toBe(i % 300 ? `kmod.c:${i % 300}` : null);
        expect(tb.argAt(i, 1)).toBe(i);
      }
    }
    expect(tb.argCount).toBe(Array.from({ length: n }, (_, i) => (i % 2 ? 2 : 3 + 1 + (i % 5) + 2 + 1)).reduce((a, b) => a + b, 0));
  });

  it('columns() of any range, across chunks, carries the same events as get()', () => {
    const n = TRACE_CHUNK * 3 + 5;
    const tb = filled(n);
    for (const [from, to] of [[0, n], [TRACE_CHUNK - 3, TRACE_CHUNK + 3], [5, 5], [TRACE_CHUNK, 2 * TRACE_CHUNK], [n - 4, n], [100, 3 * TRACE_CHUNK + 1]]) {
      const c = tb.columns(from, to);
      expect(c.types.length).toBe(to - from);
      expect(c.argOff.length).toBe(to - from + 1);
      expect(c.argOff[to - from]).toBe(c.args.length);
      // Checked in bulk (one expect per range): the first event that differs is reported.
      const wrong: string[] = [];
      for (let i = from; i < to && wrong.length < 3; i++) {
        const j = i - from;
        const got = [c.types[j], c.times[j], c.pids[j], tb.strings[c.comms[j]], c.args[c.argOff[j] + 1], c.argOff[j + 1] - c.argOff[j]];
        const want = [tb.typeAt(i), i * 10, i, `t${i % 7}`, tb.argAt(i, 1), i % 2 ? 2 : 7 + (i % 5)];
        if (got.some((v, x) => v !== want[x])) wrong.push(`event ${i}: ${JSON.stringify(got)} != ${JSON.stringify(want)}`);
      }
      expect(wrong, `columns(${from}, ${to})`).toEqual([]);
    }
  });

  it('a long argv grows its chunk\'s argument slots without disturbing the events around it', () => {
    const tb = filled(40, (i) => (i === 20 ? 50_000 : 1));
    const ev = tb.get(20) as { argv?: string[] };
    expect(ev.argv).toHaveLength(50_000);
    expect(ev.argv?.[49_999]).toBe('a49999');
    expect(tb.get(19)).toMatchObject({ event: 'sched_wakeup', pid: 20 });
    expect(tb.get(22)).toMatchObject({ event: 'sched_process_exec', argv: ['a0'] });
  });

  it('an event short of its schema\'s fields shows as a mismatch between the walked and the pushed arguments', () => {
    const tb = filled(40);
    expect(tb.columns(0, tb.length).args.length).toBe(tb.argCount);
    tb.begin(EXEC, 1000, { pid: 1, comm: 'x' });
    tb.s('/sbin/modprobe').i(1).i(1).ss([]).ss([]); // no `ret`
    expect(tb.columns(0, tb.length).args.length).not.toBe(tb.argCount);
  });

  it('a small cap allocates only what it can hold', () => {
    const tb = new TraceBuffer(100);
    for (let i = 0; i < 300; i++) if (tb.begin(WAKEUP, i, { pid: 1, comm: 'x' })) tb.s('y').i(2);
    expect([tb.length, tb.dropped]).toEqual([100, 200]);
    expect(tb.byteLength).toBeLessThanOrEqual(100 * 40);
    const big = new TraceBuffer(TRACE_CHUNK + 10);
    for (let i = 0; i < TRACE_CHUNK + 50; i++) if (big.begin(WAKEUP, i, { pid: 1, comm: 'x' })) big.s('y').i(2);
    expect(big.length).toBe(TRACE_CHUNK + 10);
    expect(big.get(TRACE_CHUNK + 9).t).toBe(TRACE_CHUNK + 9);
    expect(big.byteLength).toBeLessThanOrEqual((TRACE_CHUNK + 10) * 40 + 10 * 40);
  });
});
