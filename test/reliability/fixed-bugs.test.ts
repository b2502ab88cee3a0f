// Bugs the reliability suite found that are fixed now, kept as regression tests under their
// numbers (docs/reliability.md). Cases that froze the host run in a child process with a
// wall-clock limit.
import { describe, expect, it } from 'vitest';
import { parseModulesDep } from '../../src/userland/kmod/indexes.ts';
import { parseScenario } from '../../src/init/scenario/parse.ts';
import { runScenario } from '../../src/init/scenario/run.ts';
import { isolated } from './harness.ts';

const HANG_MS = 15_000;

describe('BUG 1 (fixed in 84dc8f7): a task alone on the run queue gave the CPU back only when another was runnable (kernel/entry.ts userMode)', () => {
  // With nothing else runnable, gen.next() never returned to Sched.run(): maxEvents and until
  // were never checked, timers never fired, and the host froze.
  it('`while :; do :; done` alone: Machine.run({maxEvents}) returns "budget" and virtual time advances', () => {
    const r = isolated('loneBusyLoop', HANG_MS);
    expect(r.timedOut).toBe(false);
    expect(r.result).toMatchObject({ reasons: ['budget', 'budget'] });
    expect((r.result as { advancedNs: number }).advancedNs).toBeGreaterThan(0);
  }, HANG_MS + 10_000);

  it('a busy loop beside a sleeping `sleep 0.05`: the sleeper wakes on time', () => {
    const r = isolated('busyLoopAndSleeper', HANG_MS);
    expect(r.timedOut).toBe(false);
    expect(r.result).toMatchObject({ reason: 'break', sleeperOut: 'woke\n' });
    expect((r.result as { lateNs: number }).lateNs).toBeLessThanOrEqual(8e6);
  }, HANG_MS + 10_000);

  it('the playground: `while :; do :; done` typed at the console shell keeps the machine steppable', () => {
    const r = isolated('consoleBusyLoop', HANG_MS);
    expect(r.timedOut).toBe(false);
    expect(r.result).toEqual({ reason: 'budget' });
  }, HANG_MS + 10_000);

  it('a flood to /dev/console alone keeps the machine steppable (it runs, or waits for the host to read)', () => {
    const r = isolated('loneConsoleFlood', HANG_MS);
    expect(r.timedOut).toBe(false);
    expect(['budget', 'idle']).toContain((r.result as { reason: string }).reason);
  }, HANG_MS + 10_000);
});

describe('BUG 2 (fixed in 33e11fd, f194e3d): a step with more threads than pids threw a raw Error into the host (init/steps.ts spawnTagged)', () => {
  it('threads: 32768 runs; the threads that get no pid return -EAGAIN', () => {
    const r = runScenario(parseScenario(JSON.stringify({ version: 1, steps: [{ requestModule: 'nosuch', threads: 32768 }] })));
    const rets = (r.steps[0] as { rets: number[] }).rets;
    expect(rets).toHaveLength(32768);
    expect(rets).toContain(-11);
    expect(rets).toContain(-12); // 2.6.20: past 50 concurrent requests
  }, 60_000);
});

describe('BUG 5 (fixed in 8bcc9e4): modules.dep parsing was quadratic on lines without "." or ":" (userland/kmod/indexes.ts DepIndex)', () => {
  it('300000 lines "a/b:" (no ".ko") parse in well under a second', () => {
    const text = 'a/b:\n'.repeat(300_000) + '.';
    const t0 = performance.now();
    const idx = parseModulesDep(text);
    const ms = performance.now() - t0;
    expect(idx.has('b')).toBe(true);
    expect(ms).toBeLessThan(1000);
  });
});

describe('BUG 8 (fixed in 33e11fd): scenario messages for a union lost what is allowed (init/scenario/parse.ts)', () => {
  const msg = (doc: unknown): string => {
    try {
      parseScenario(JSON.stringify(doc));
    } catch (e) {
      return (e as Error).message;
    }
    return 'accepted';
  };
  it('files["/a"] = 5 says a string or an object is expected', () => {
    expect(msg({ version: 1, files: { '/a': 5 } })).toMatch(/a string, or an object/);
  });
  it('args: [{}] says a string or a number is expected', () => {
    expect(msg({ version: 1, steps: [{ requestModule: 'x%s', args: [{}] }] })).toMatch(/a string or a number/);
  });
  it('view: [] is refused as not an object (an array is not a record)', () => {
    expect(msg({ version: 1, view: [] })).toMatch(/^view: /);
  });
});

describe('BUG 12 (fixed in 5aac94e): printk trimmed its log with splice() per line (kernel/printk.ts printk)', () => {
  // Once 20000 records were kept, each new line copied the whole array, and one write to
  // /dev/kmsg can carry thousands of lines: `yes > /dev/kmsg` (found by the fuzzer) froze the host.
  it('`yes > /dev/kmsg`: 100 scheduler events return within 5 s of wall time, the log keeps its bound', () => {
    const r = isolated('kmsgYesFlood', 30_000);
    expect(r.timedOut).toBe(false);
    expect((r.result as { wallMs: number }).wallMs).toBeLessThan(5000);
    expect((r.result as { records: number }).records).toBeLessThanOrEqual(20000);
  }, 45_000);
});
