// The fault switches (src/worker/faults.ts): each fake modprobe provokes its path of the
// usermode-helper state machine, on both kernels.
import { describe, expect, it } from 'vitest';
import { bytesToUtf8 } from '../../src/lib/bytes.ts';
import { Machine } from '../../src/init/machine.ts';
import { StepRunner } from '../../src/init/steps.ts';
import { Faults } from '../../src/worker/faults.ts';
import type { FaultSpec } from '../../src/worker/views_api.ts';

function run(profile: '2.6.20' | '6.6', f: FaultSpec) {
  const m = new Machine({ config: { profile } }).boot();
  const report = new Faults().apply(m, f);
  const result = new StepRunner(m, [{ requestModule: 'dummy' }]).runAll()[0];
  const requests = m.k.trace.slice().filter((e) => e.event === 'module_request').map((e) => e.name);
  const dmesg = m.k.printk.records.map((r) => bytesToUtf8(r.text)).filter((t) => t.startsWith('request_module'));
  return { m, report, result, requests, dmesg };
}

describe('fault switches', () => {
  for (const profile of ['2.6.20', '6.6'] as const) {
    it(`${profile}: exec fails → -EACCES; exit 3 → 768; hang → the request never returns`, () => {
      expect(run(profile, { kind: 'noexec' }).result).toEqual({ rets: [-13] });
      expect(run(profile, { kind: 'exit', status: 3 }).result).toEqual({ rets: [768] });
      expect(run(profile, { kind: 'hang' }).result).toMatchObject({ timedOut: true });
    });
  }

  it('a helper that requests a module itself: one nested request, or (recursive) the runaway limit', () => {
    expect(run('2.6.20', { kind: 'request' }).requests).toEqual(['dummy', 'khelper-nested']);
    expect(run('6.6', { kind: 'request' }).requests).toEqual(['dummy', 'fs-khelper-nested']);
    const old = run('2.6.20', { kind: 'request', recursive: true });
    expect(old.requests).toHaveLength(51);
    expect(old.dmesg).toEqual(['request_module: runaway loop modprobe khelper-nested']);
    const now = run('6.6', { kind: 'request', recursive: true });
    expect(now.dmesg[0]).toBe('request_module: modprobe fs-khelper-nested cannot be processed, kmod busy with 50 threads for more than 5 seconds now');
  });

  it('says what it did, and "none" puts the previous modprobe path back', () => {
    const m = new Machine().boot();
    const f = new Faults();
    const r = f.apply(m, { kind: 'exit', status: 300 });
    expect(r).toMatchObject({ kind: 'exit', path: '/usr/local/sbin/khelper-fault', mode: '0755', command: 'echo /usr/local/sbin/khelper-fault > /proc/sys/kernel/modprobe' });
    expect(r.content).toContain('\nexit 255\n');
    expect(m.k.kmod.modprobePath).toBe('/usr/local/sbin/khelper-fault');
    expect(f.apply(m, { kind: 'noexec' })).toMatchObject({ path: '/usr/local/sbin/khelper-fault-noexec', mode: '0644' });
    expect(f.apply(m, { kind: 'none' }).command).toBe('echo /sbin/modprobe > /proc/sys/kernel/modprobe');
    expect(m.k.kmod.modprobePath).toBe('/sbin/modprobe');
  });
});
