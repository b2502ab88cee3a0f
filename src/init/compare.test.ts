import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareRuns, signature, SlicedRun } from './compare.ts';
import { parseScenario } from './scenario/parse.ts';
import type { Scenario } from './scenario/parse.ts';
import { runScenario } from './scenario/run.ts';

const scenario = (name: string): Scenario => parseScenario(readFileSync(new URL(`../../scenarios/${name}.json`, import.meta.url), 'utf8'));

/** Advance in the tiniest slices: every 256 events the run is cut and taken up again. */
function runSliced(s: Scenario, profile: '2.6.20' | '6.6'): SlicedRun {
  const r = new SlicedRun(s, profile);
  let cuts = 0;
  while (!r.finished) {
    r.advance(() => true);
    if (++cuts > 1e6) throw new Error('no progress');
  }
  return r;
}

describe('side by side', () => {
  it('a run cut into slices gives the same steps, dmesg and trace as the whole run (runaway, 2.6.20)', () => {
    const s = scenario('runaway-2.6.20');
    const whole = runScenario(s);
    const sliced = runSliced(s, '2.6.20');
    expect(sliced.runner.results).toEqual(whole.steps);
    expect(sliced.m.k.trace.slice()).toEqual(whole.trace);
  });

  it('a helper that hangs with no timer armed times the step out, as runAll does', () => {
    const s: Scenario = {
      version: 1, kernel: { profile: '6.6' },
      files: { '/sbin/stuck': '#!/bin/sh\nkill -STOP $$\n' },
      steps: [{ sysctl: { 'kernel.modprobe': '/sbin/stuck' } }, { requestModule: 'dummy' }],
    };
    const whole = runScenario(s);
    const sliced = runSliced(s, '6.6');
    expect(sliced.runner.results).toEqual(whole.steps);
    expect(sliced.runner.results[1]).toMatchObject({ timedOut: true });
  });

  it('selftest 0008 (58 threads): -12 for the 8 above 50 on 2.6.20, 0 for all on 6.6', () => {
    const s: Scenario = {
      version: 1,
      steps: [
        { sysctl: { 'kernel.modprobe': '/usr/local/sbin/slow' } },
        { requestModule: 'test_module', threads: 58 },
      ],
      files: { '/usr/local/sbin/slow': '#!/bin/sh\nsleep 1\nexec /sbin/modprobe "$@"\n' },
    };
    const c = compareRuns('0008', runSliced(s, '2.6.20'), runSliced(s, '6.6'));
    expect(c.sides.map((x) => x.profile)).toEqual(['2.6.20', '6.6']);
    expect(c.sides[0].steps[1].status).toBe('returned 0 (x50), -12 (x8)');
    expect(c.sides[1].steps[1].status).toBe('returned 0 (x58)');
    const row = (sig: string) => c.steps[1].rows.find((r) => r.sig === sig);
    expect(row('request_module("test_module") = -12')).toEqual({ sig: 'request_module("test_module") = -12', left: 8, right: 0 });
    expect(row('request_module("test_module") = 0')).toEqual({ sig: 'request_module("test_module") = 0', left: 50, right: 58 });
    expect(row('printk <3> request_module: runaway loop modprobe test_module')).toMatchObject({ left: 5, right: 0 });
    expect(c.steps[1].divergence).not.toBeNull();
    // The sysctl step does the same on both.
    expect(c.steps[0].rows.every((r) => r.left === r.right)).toBe(true);
  });

  it('signatures leave out pids, times and scheduler noise', () => {
    expect(signature({ t: 5, event: 'sched_switch', cpid: 3, comm: 'x' })).toBeNull();
    expect(signature({ t: 5, event: 'module_request_ret', cpid: 3, comm: 'x', name: 'fs-vfat', ret: 256 })).toBe('request_module("fs-vfat") = 256');
    expect(signature({ t: 9, event: 'sched_process_exec', cpid: 77, comm: 'modprobe', filename: '/sbin/modprobe', ret: 0 })).toBe('execve(/sbin/modprobe) = 0');
  });
});
