// Property tests over generated scenarios (fast-check): whatever the steps, the machine ends
// clean — tasks reaped or zombies of living parents, the kmod limit back where it started, each
// sub_info completion fired at most once (exactly once when someone waited), time monotonic —
// and the same scenario and seed give the same trace.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { machineFor } from './helpers.ts';
import { StepRunner } from '../../src/init/steps.ts';
import type { Step } from '../../src/init/steps.ts';
import { Completion } from '../../src/kernel/completion.ts';
import { EXIT_ZOMBIE } from '../../src/kernel/task.ts';
import { ftraceLine } from '../../src/init/trace/ftrace.ts';

const names = ['ok', 'fail', 'slow', 'killed', 'long'];
const behaviours: Record<string, string> = {
  '/etc/fakemod/fail': 'exit 1\n', '/etc/fakemod/slow': 'sleep 300\n', '/etc/fakemod/killed': 'signal 9\n', '/etc/fakemod/long': 'sleep 7000\n',
};

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ requestModule: fc.constantFrom(...names), threads: fc.integer({ min: 1, max: 70 }), wait: fc.boolean() }),
  fc.record({ callUsermodehelper: fc.record({ path: fc.constantFrom('/sbin/fakemod', '/sbin/missing', ''), wait: fc.integer({ min: -1, max: 6 }) }) }),
  fc.record({ sysctl: fc.record({ 'kernel.threads-max': fc.constantFrom('20', '64', '150', '2048') }) }),
  fc.record({ sysctl: fc.record({ 'kernel.modprobe': fc.constantFrom('/sbin/fakemod', '', '/sbin/missing') }) }),
  fc.record({ advance: fc.constantFrom('1ms', '1s', '6s') }),
);

const scenarioArb = fc.record({
  profile: fc.constantFrom('2.6.20' as const, '2.6.21' as const, '6.6' as const),
  seed: fc.integer({ min: 0, max: 1000 }),
  interleave: fc.boolean(),
  steps: fc.array(stepArb, { minLength: 1, maxLength: 5 }),
});

function runOnce(s: { profile: '2.6.20' | '2.6.21' | '6.6'; seed: number; interleave: boolean; steps: Step[] }) {
  const completions: Completion[] = [];
  Completion.onCreate = (c) => completions.push(c);
  try {
    const m = machineFor(s.profile, { config: { seed: s.seed, interleave: s.interleave }, files: behaviours });
    new StepRunner(m, s.steps).runAll();
    // Let stragglers (nowait helpers, 2.6.21's wait = -1) finish.
    m.run({ until: m.now + 30e9 });
    return { m, completions };
  } finally {
    Completion.onCreate = null;
  }
}

describe('kernel properties over generated scenarios', () => {
  it('ends clean: reaped or parented zombies, kmod limit restored, completions fired once, time monotonic', () => {
    fc.assert(fc.property(scenarioArb, (s) => {
      const { m, completions } = runOnce(s);
      const k = m.k;
      expect(k.oopses).toEqual([]);
      for (const t of k.tasks.values()) {
        if (t.exitState === EXIT_ZOMBIE) expect(t.parent && !t.parent.exitState && k.tasks.has(t.parent.pid)).toBe(true);
      }
      if (k.modern) expect(k.kmodSem!.count).toBe(50);
      else expect(k.kmod.kmodConcurrent).toBe(0);
      for (const c of completions.filter((x) => x.what === 'sub_info.complete')) expect(c.fired).toBeLessThanOrEqual(1);
      for (const c of completions.filter((x) => x.what === 'vfork')) expect(c.fired).toBe(1);
      for (let i = 1; i < k.trace.length; i++) expect(k.trace.timeAt(i)).toBeGreaterThanOrEqual(k.trace.timeAt(i - 1));
      // Every event pushed exactly its schema's fields (the reader walks the schema to find where
      // each event's fields start, so a short one would shift the ones after it).
      expect(k.trace.columns(0, k.trace.length).args.length).toBe(k.trace.argCount);
    }), { numRuns: 40, seed: 4242 });
  });

  it('the same scenario and seed give the same trace, byte for byte', () => {
    fc.assert(fc.property(scenarioArb, (s) => {
      const a = runOnce(s).m.k.trace.slice().map(ftraceLine).join('\n');
      const b = runOnce(s).m.k.trace.slice().map(ftraceLine).join('\n');
      expect(a).toBe(b);
    }), { numRuns: 15, seed: 7 });
  });
});
