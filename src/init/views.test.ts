import { describe, expect, it } from 'vitest';
import { Machine } from './machine.ts';
import { StepRunner } from './steps.ts';
import { armLineStep, dmesgSince, EventWatch, eventStop, lineStepArmed, lineStop, setLineBreakpoints, taskTable } from './views.ts';

function requestOnce(profile: '2.6.20' | '6.6' = '2.6.20'): { m: Machine; runner: StepRunner } {
  const m = new Machine({ config: { profile } }).boot();
  const runner = new StepRunner(m, [{ requestModule: 'dummy' }]);
  runner.poll();
  return { m, runner };
}

describe('views: stepping by seed line', () => {
  it('each step stops at the next line some task executes, in the order the kernel runs them', () => {
    const { m } = requestOnce();
    const fns: string[] = [];
    for (let i = 0; i < 60; i++) {
      armLineStep(m, true);
      expect(m.run({ maxEvents: 100_000 })).toBe('break');
      expect(lineStepArmed(m)).toBe(false);
      const at = lineStop(m)!;
      if (fns[fns.length - 1] !== at.fn) fns.push(at.fn);
      if (at.fn === '____call_usermodehelper' && at.line === 171) break;
    }
    expect(fns).toEqual(['request_module', 'call_usermodehelper_keys', '__call_usermodehelper', 'wait_for_helper', '____call_usermodehelper']);
  });

  it('a line breakpoint stops the task at that line; cleared, the run goes on to the end', () => {
    const { m, runner } = requestOnce();
    setLineBreakpoints(m, [209]);
    expect(m.run({ maxEvents: 100_000 })).toBe('break');
    expect(lineStop(m)).toMatchObject({ line: 209, fn: 'wait_for_helper', comm: 'khelper' });
    setLineBreakpoints(m, []);
    runner.runAll();
    expect(runner.results[0]).toEqual({ rets: [0] });
  });
});

describe('views: event breakpoints', () => {
  it('an exec breakpoint fires after the scheduler event of the helper\'s execve (2.6.20: kmod.c:171)', () => {
    const { m } = requestOnce();
    const w = new EventWatch();
    w.set(['sched_process_exec']);
    w.skip(m);
    expect(m.run({ maxEvents: 100_000, stopWhen: () => w.check(m) })).toBe('break');
    const at = eventStop(m, w.hit);
    expect(at).toMatchObject({ event: 'sched_process_exec', line: 171, fields: { filename: '/sbin/modprobe', ret: 0 } });
    expect(at.fields.argv).toEqual(['/sbin/modprobe', '-q', '--', 'dummy']);
  });

  it('on 6.6 the same breakpoint stops at the exec of the helper, with no seed line', () => {
    const { m } = requestOnce('6.6');
    const w = new EventWatch();
    w.set(['sched_process_exec']);
    w.skip(m);
    expect(m.run({ maxEvents: 100_000, stopWhen: () => w.check(m) })).toBe('break');
    expect(eventStop(m, w.hit)).toMatchObject({ event: 'sched_process_exec', line: 0, fields: { filename: '/sbin/modprobe' } });
  });

  it('unknown names and an empty set never stop', () => {
    const { m, runner } = requestOnce();
    const w = new EventWatch();
    w.set(['no_such_event']);
    expect(m.run({ maxEvents: 100_000, stopWhen: () => w.check(m) })).not.toBe('break');
    runner.runAll();
    expect(runner.finished).toBe(true);
  });
});

describe('views: tables', () => {
  it('dmesg records since a sequence number, decoded; the task table marks kernel threads', () => {
    const m = new Machine({ config: { profile: '2.6.20' } }).boot();
    const all = dmesgSince(m, 0);
    expect(all.records.length).toBeGreaterThan(0);
    expect(all.lost).toBe(0);
    const later = dmesgSince(m, all.next);
    expect(later.records).toEqual([]);
    expect(dmesgSince(m, 1).records[0].seq).toBe(1);
    const t = taskTable(m);
    const i = Array.from(t.pids).indexOf(1);
    expect(t.comms[i]).toBe('init');
    expect(t.flags[i] & 1).toBe(0);
    const kh = t.comms.indexOf('khelper');
    expect(t.flags[kh] & 1).toBe(1);
    expect(String.fromCharCode(t.states[kh])).toBe('S');
  });

  it('the task table comes in pstree order: each child after its parent, siblings in creation order', () => {
    const { m } = requestOnce('6.6');
    m.run({ maxEvents: 50 });
    const t = taskTable(m);
    expect(t.count).toBe(m.k.tasks.size);
    for (let r = 0; r < t.count; r++) {
      const p = t.parentRow[r];
      if (p < 0) {
        expect(t.depth[r]).toBe(0);
        continue;
      }
      expect(p).toBeLessThan(r);
      expect(t.pids[p]).toBe(t.ppids[r]);
      expect(t.depth[r]).toBe(t.depth[p] + 1);
    }
    const kthreadd = Array.from(t.pids).indexOf(2);
    const kids = [...Array(t.count).keys()].filter((r) => t.parentRow[r] === kthreadd);
    expect(kids.map((r) => t.posIn[r])).toEqual(kids.map((_, i) => i + 1));
    expect(kids.every((r) => t.setSize[r] === kids.length)).toBe(true);
    expect(kids.map((r) => t.pids[r])).toEqual([...kids.map((r) => t.pids[r])].sort((a, b) => a - b));
  });
});
