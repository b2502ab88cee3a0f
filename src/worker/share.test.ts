import { describe, expect, it } from 'vitest';
import { hostRemove, hostWrite, kernelSettings } from '../init/host_api.ts';
import type { HostKernelSettings } from '../init/host_api.ts';
import { userChanges, snapshotFs } from '../init/host_fs.ts';
import { readScenario, startScenario } from '../init/host_scenario.ts';
import type { Scenario } from '../init/host_scenario.ts';
import { Machine } from '../init/machine.ts';
import type { KernelSettings } from './api.ts';
import { originOf, shareFrom } from './share.ts';

const DOC = {
  version: 1, name: 'Origin', description: 'd', kernel: { profile: '6.6', seed: 7, interleave: true }, rootfs: 'minimal',
  files: { '/root/keep.sh': '#!/bin/sh\necho keep\n', '/root/gone.txt': 'x\n', '/etc/x.conf': { content: 'a\n', mode: '0600' } },
  loaded: [], steps: [{ sh: 'cat /root/keep.sh' }, { requestModule: 'dummy' }],
};

function started(): { m: Machine; s: Scenario } {
  const r = readScenario(JSON.stringify(DOC));
  if (!r.ok) throw new Error(r.error);
  const st = startScenario(r.scenario);
  if ('error' in st) throw new Error(st.error);
  return { m: st.machine, s: r.scenario };
}

const settings = (m: Machine): KernelSettings => kernelSettings(m) as HostKernelSettings as KernelSettings;
const noChanges = () => ({ files: {}, links: {}, dirs: {}, deleted: [] });

describe('what a share link holds', () => {
  it('an untouched machine: the scenario it was started from, exactly, with the view', () => {
    const { m, s } = started();
    const o = originOf(s, m);
    const { scenario, skipped } = shareFrom(m, o, false, settings(m), noChanges, { panel: 'dmesg', file: '/root/keep.sh' });
    expect(scenario).toEqual({ ...s, view: { panel: 'dmesg', file: '/root/keep.sh' } });
    expect(skipped).toEqual([]);
  });

  it('after edits: the origin with the current settings, its steps, and the files changed since the start', () => {
    const { m, s } = started();
    const o = originOf(s, m);
    hostWrite(m, '/root/keep.sh', '#!/bin/sh\necho edited\n');
    hostWrite(m, '/root/new.txt', 'new\n', 0o600);
    hostRemove(m, '/root/gone.txt');
    hostRemove(m, '/etc/passwd');
    hostWrite(m, '/root/blob', '\xff\xfe');
    const k = { ...settings(m), threadsMax: 99 };
    const { scenario, skipped } = shareFrom(m, o, true, k, noChanges, undefined);
    expect(scenario.kernel).toEqual({ profile: '6.6', seed: 7, interleave: true, arch: 'x86_64', threadsMax: 99, modprobePath: '/sbin/modprobe' });
    expect(scenario.rootfs).toBe('minimal');
    expect(scenario.steps).toEqual(s.steps);
    expect(scenario.files).toEqual({ '/root/keep.sh': '#!/bin/sh\necho edited\n', '/root/new.txt': { content: 'new\n', mode: '0600' }, '/etc/x.conf': { content: 'a\n', mode: '0600' } });
    expect(skipped).toEqual(['/etc/passwd (removed)', '/root/blob (not text)']);
    expect(scenario.view).toBeUndefined();
    // The shared document is a scenario the reader accepts.
    expect(readScenario(JSON.stringify(scenario)).ok).toBe(true);
  });

  it('the default system: the current settings and the changes against it, no steps', () => {
    const m = new Machine({ interactive: true }).boot();
    const base = snapshotFs(new Machine().boot());
    hostWrite(m, '/root/note', 'hello\n');
    const { scenario } = shareFrom(m, null, true, settings(m), () => userChanges(m, base), { panel: 'example' });
    expect(scenario.files).toEqual({ '/root/note': 'hello\n' });
    expect(scenario.steps).toEqual([]);
    expect(scenario.kernel?.profile).toBe('2.6.20');
    expect(scenario.view).toEqual({ panel: 'example' });
  });
});
