// Output floods and the buffers that hold them: a pipe never holds more than PIPE_SIZE, a step's
// captured stdout stops at its limit and counts the rest, the log buffer keeps at most
// LOG_MAX_RECORDS records (the console's bound was BUG 3, fixed-bugs.test.ts), and the
// trace buffer stops recording at its cap (counting what it dropped) within a bounded number of
// bytes per event. Floods that never block run beside a second busy task, as they had to before
// BUG 1 was fixed (fixed-bugs.test.ts).
import { describe, expect, it } from 'vitest';
import { Pipe, PIPE_SIZE } from '../../src/kernel/pipe.ts';
import { TraceBuffer } from '../../src/kernel/trace.ts';
import { Capture } from '../../src/kernel/host.ts';
import type { Machine } from '../../src/init/machine.ts';
import { boot, spawnSh } from './harness.ts';


function pipesIn(m: Machine): Pipe[] {
  const out = new Set<Pipe>();
  for (const t of m.k.tasks.values()) for (const f of t.files?.fds ?? []) if (f && f.priv instanceof Pipe) out.add(f.priv);
  return [...out];
}

const LINE = 'x=$(printf "%1000s" "")';

describe('output floods stay in bounded buffers', () => {
  it('a flood into a pipe: the writer sleeps when 64 KiB are queued, the late reader drains, both keep running', () => {
    const m = boot();
    // The reader starts late, so the writer must fill the pipe: 65 lines of 1001 bytes fit in
    // PIPE_SIZE, the 66th does not (a write of at most PIPE_BUF bytes is atomic).
    spawnSh(m, `${LINE}; while :; do echo "$x"; done | (sleep 0.01; cat > /dev/null)`);
    let peak = 0;
    let drained = false;
    const sample = (): boolean => {
      for (const p of pipesIn(m)) {
        peak = Math.max(peak, p.buf.length);
        if (peak === 65 * 1001 && p.buf.length === 0) drained = true;
      }
      return drained;
    };
    expect(m.run({ maxEvents: 2000, stopWhen: sample })).toBe('break');
    expect(peak).toBe(65 * 1001);
    expect(peak).toBeLessThanOrEqual(PIPE_SIZE);
    expect(m.run({ maxEvents: 50, stopWhen: () => sample() && false })).toBe('budget');
    expect(peak).toBe(65 * 1001);
    expect(m.k.oopses).toEqual([]);
  });

  it('a flood into a step\'s stdout: the capture keeps its first 1 MiB and counts the rest', () => {
    const m = boot();
    const f = spawnSh(m, `${LINE}; while :; do echo "$x"; done`);
    spawnSh(m, 'while :; do :; done');
    const reason = m.run({ maxEvents: 10_000, stopWhen: () => f.stdout.dropped > 2 * f.stdout.limit });
    expect(reason).toBe('break');
    expect(f.stdout.limit).toBe(new Capture().limit);
    expect(f.stdout.data.length).toBe(f.stdout.limit);
    expect(f.stdout.data.startsWith(`${' '.repeat(1000)}\n`)).toBe(true);
  });

  it('a flood into /dev/kmsg: the log buffer keeps the newest 20000 records', () => {
    const m = boot();
    const f = spawnSh(m, 'i=0; while [ $i -lt 25000 ]; do echo "<6>flood $i"; i=$((i+1)); done > /dev/kmsg');
    spawnSh(m, 'while :; do :; done');
    m.run({ maxEvents: 100_000, stopWhen: () => f.finished });
    expect(f.finished).toBe(true);
    const recs = m.k.printk.records;
    expect(recs).toHaveLength(20000);
    expect(recs[recs.length - 1].text).toBe('flood 24999');
    expect(recs[0].text).toBe(`flood ${24999 - 19999}`);
  });
});

describe('the trace buffer stops at its cap', () => {
  it('counts what it drops, and costs at most 80 bytes per event (4 int fields) including growth slack', () => {
    const tb = new TraceBuffer(10_000);
    const ctx = { pid: 1, comm: 'x' };
    let accepted = 0;
    for (let i = 0; i < 25_000; i++) if (tb.begin(0, i, ctx)) { tb.i(i).i(1).i(2).i(3); accepted++; }
    expect(accepted).toBe(10_000);
    expect(tb.length).toBe(10_000);
    expect(tb.dropped).toBe(15_000);
    expect(tb.byteLength).toBeLessThanOrEqual(10_000 * 80);
    expect(tb.get(9_999).t).toBe(9_999);
  });

  it('inside a machine under a fork bomb: recording stops at the cap, the machine runs on', () => {
    const m = boot('2.6.20', { config: { threadsMax: 64, traceMaxEvents: 2_000 } });
    const tb = m.k.trace;
    spawnSh(m, 'f(){ f|f& };f');
    expect(m.run({ maxEvents: 2_000 })).toBe('budget');
    expect(tb.length).toBe(2_000);
    const dropped = tb.dropped;
    expect(dropped).toBeGreaterThan(0);
    const t = m.now;
    expect(m.run({ maxEvents: 500 })).toBe('budget');
    expect(m.now).toBeGreaterThan(t);
    expect(tb.length).toBe(2_000);
    expect(tb.dropped).toBeGreaterThan(dropped);
    expect(m.k.oopses).toEqual([]);
  });
});
