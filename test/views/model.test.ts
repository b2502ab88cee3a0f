// The page's store of the run (src/ui/views/model.ts), fed the way the worker feeds it: trace
// chunks of a real machine (src/init/inspect.ts traceChunk) after the task table it began with.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { traceChunk } from '../../src/init/inspect.ts';
import type { Machine } from '../../src/init/machine.ts';
import { machineFor } from '../../src/init/scenario/run.ts';
import { parseScenario } from '../../src/init/scenario/parse.ts';
import type { Scenario } from '../../src/init/scenario/parse.ts';
import { StepRunner } from '../../src/init/steps.ts';
import { taskTable } from '../../src/init/views.ts';
import { ITEM_CAP, markKind, markValue, MK, Model, S, treeOrder } from '../../src/ui/views/model.ts';

const example = (id: string): Scenario => parseScenario(readFileSync(new URL(`../../scenarios/${id}.json`, import.meta.url), 'utf8'));

/** Run a scenario, feeding the model in chunks of `size` events as the worker would. */
function modelOf(s: Scenario, size = 1000): { m: Machine; model: Model } {
  const m = machineFor(s);
  const model = new Model();
  model.seed(taskTable(m));
  new StepRunner(m, s.steps ?? []).runAll();
  for (let from = 0, sf = 0; from < m.k.trace.length;) {
    const c = traceChunk(m.k, from, sf, size);
    model.ingest(c);
    from += c.count;
    sf += c.strings.length;
  }
  return { m, model };
}

describe('views model', () => {
  it('runaway on 2.6.20: 50 helpers at once, each forked by a wait_for_helper thread of khelper', () => {
    const { model } = modelOf(example('runaway-2.6.20'));
    const helpers = model.lanes.filter((l) => l.helper);
    expect(helpers).toHaveLength(50);
    expect(model.helpersPeak).toBe(50);
    expect(model.helpersNow).toBe(0);
    for (const h of helpers) {
      expect(h.parent?.fn).toBe('wait_for_helper');
      expect(h.parent?.parent?.comm).toBe('khelper');
      // The script exec'd by the kernel (kmod.c:171) then exec'd the real modprobe: the last exec is kept.
      expect(h.filename).toBe('/sbin/modprobe');
      expect(h.argv).toEqual(['/sbin/modprobe', '-q', '--', 'dummy']);
      expect(markValue(h.mk[1])).toBe(model.strings.indexOf('/usr/local/sbin/slow-modprobe'));
      expect(h.kernelArgv).toEqual(['/usr/local/sbin/slow-modprobe', '-q', '--', 'dummy']);
      expect(h.kernelEnvp).toEqual(['HOME=/', 'TERM=linux', 'PATH=/sbin:/usr/sbin:/bin:/usr/bin']);
      expect(h.exitStatus).toBe(0);
      expect(h.end).not.toBe(Infinity);
    }
    // The 60 callers: 50 got a helper, 10 were refused at kmod.c:106 without one.
    const callers = model.lanes.filter((l) => l.comm.startsWith('reqmod-'));
    expect(callers).toHaveLength(60);
    const lastRet = (mk: number[]): number => {
      for (let j = mk.length - 1; j > 0; j -= 2) if (markKind(mk[j]) === MK.requestRet) return markValue(mk[j]);
      return NaN;
    };
    const rets = callers.map((l) => lastRet(l.mk));
    expect(rets.filter((r) => r === -12)).toHaveLength(10);
    expect(rets.filter((r) => r === 0)).toHaveLength(50);
  });

  it('rows in tree order: khelper, then each wait_for_helper with its helper and the helper\'s sleep', () => {
    const { model } = modelOf(example('runaway-2.6.20'));
    const rows = treeOrder(model.lanes, true);
    expect(rows.every((l) => l.kmod)).toBe(true);
    const at = new Map(rows.map((l, i) => [l, i]));
    // Every shown lane comes after its nearest shown ancestor.
    for (const l of rows) {
      let p = l.parent;
      while (p && !at.has(p)) p = p.parent;
      if (p) expect(at.get(p)!).toBeLessThan(at.get(l)!);
    }
    const helper = rows.find((l) => l.helper)!;
    const i = at.get(helper)!;
    expect(rows[i - 1].fn).toBe('wait_for_helper');
    expect(rows[i + 1].comm).toBe('sleep');
    expect(rows[i + 1].parent).toBe(helper);
    expect(treeOrder(model.lanes, false)).toHaveLength(model.lanes.length);
  });

  it('one lane per task: a pid seen after its task was freed does not open a new lane', () => {
    const { m, model } = modelOf(example('runaway-2.6.20'));
    const pids = model.lanes.map((l) => l.pid);
    expect(new Set(pids).size).toBe(pids.length);
    // Every task forked in the trace, plus the ones it began with.
    const forks = m.k.trace.slice().filter((e) => e.event === 'sched_process_fork').length;
    expect(model.lanes.filter((l) => !l.seeded)).toHaveLength(forks);
  });

  it('khelper waits on vfork while the wait=0 helper execs (kmod.c:239); its status is lost, as on Linux', () => {
    const { model } = modelOf(example('umh-wait'));
    const khelper = model.lanes.find((l) => l.comm === 'khelper' && l.seeded)!;
    const states = khelper.tr.filter((_, i) => i % 2 === 1);
    expect(states).toContain(S.vfork);
    const helpers = model.lanes.filter((l) => l.helper);
    expect(helpers.map((h) => h.exitStatus)).toEqual([768, 768]);
    expect(helpers[0].parent).toBe(khelper);
    expect(helpers[1].parent?.fn).toBe('wait_for_helper');
  });

  it('chunk size does not matter: the same lanes from chunks of 7 events as from one of 100,000', () => {
    const shape = (model: Model) => model.lanes.map((l) => [l.pid, l.comm, l.start, l.end, l.exitStatus, l.tr.length, l.mk.length, l.line]);
    expect(shape(modelOf(example('basic-autoload'), 7).model)).toEqual(shape(modelOf(example('basic-autoload'), 100_000).model));
  });

  it('an ingest stops at its deadline and picks up where it stopped', () => {
    const m = machineFor(example('runaway-2.6.20'));
    new StepRunner(m, example('runaway-2.6.20').steps ?? []).runAll();
    const c = traceChunk(m.k, 0, 0);
    const model = new Model();
    const stop = model.ingest(c, 0, 0);
    expect(stop).toBe(63);
    expect(model.ingest(c, stop)).toBe(c.count);
    expect(model.events).toBe(c.count);
  });

  it('past its cap the store drops the oldest finished tasks and counts them; live ones stay', () => {
    const s = example('runaway-2.6.20');
    const m = machineFor(s);
    const model = new Model(2000);
    model.seed(taskTable(m));
    new StepRunner(m, s.steps ?? []).runAll();
    const c = traceChunk(m.k, 0, 0);
    model.ingest(c);
    expect(model.items).toBeLessThanOrEqual(2000);
    expect(model.droppedLanes).toBeGreaterThan(0);
    expect(model.lanes.length + model.droppedLanes).toBe(modelOf(s).model.lanes.length);
    // init and the shell are still running: never dropped.
    expect(model.lanes.some((l) => l.pid === 1)).toBe(true);
    expect(ITEM_CAP).toBeGreaterThan(1_000_000);
  });
});
