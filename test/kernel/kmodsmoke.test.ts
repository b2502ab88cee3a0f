import { describe, expect, it } from 'vitest';
import { Machine } from '../../src/init/machine.ts';
import { StepRunner } from '../../src/init/steps.ts';
import type { Step } from '../../src/init/steps.ts';
import type { ProgramArgs, UserGen } from '../../src/uapi/syscalls.ts';
import { write, open, nanosleep } from '../../src/userland/lib/sys.ts';
import { nativeImage } from '../../src/uapi/syscalls.ts';

function* fakemod({ argv, envp }: ProgramArgs): UserGen {
  const fd = yield* open('/dev/kmsg', 1);
  yield* write(fd, `fakemod argv=${JSON.stringify(argv)} envp=${JSON.stringify(envp)}`);
  if (argv[3] === 'slow') yield* nanosleep(1e9);
  return argv[3] === 'fail' ? 1 : 0;
}

function run(profile: '2.6.20' | '6.6', steps: Step[]) {
  const m = new Machine({ config: { profile, modprobePath: '/sbin/fakemod' }, programs: { fakemod }, files: { '/sbin/fakemod': { content: nativeImage('fakemod'), mode: 0o755 } } }).boot();
  const r = new StepRunner(m, steps).runAll();
  return { m, r };
}

describe('request_module smoke', () => {
  it.each(['2.6.20', '6.6'] as const)('%s: argv, envp and exit status', (profile) => {
    const { m, r } = run(profile, [{ requestModule: 'foo' }, { requestModule: 'fail' }]);
    expect(m.k.oopses).toEqual([]);
    expect(r).toEqual([{ rets: [0] }, { rets: [256] }]);
    const lines = m.k.printk.records.map((x) => x.text).filter((t) => t.startsWith('fakemod'));
    expect(lines[0]).toBe('fakemod argv=["/sbin/fakemod","-q","--","foo"] envp=["HOME=/","TERM=linux","PATH=/sbin:/usr/sbin:/bin:/usr/bin"]');
  });
  it('2.6.20: the 51st concurrent request gets -ENOMEM', () => {
    const { m, r } = run('2.6.20', [{ requestModule: 'slow', threads: 52 }]);
    expect(m.k.oopses).toEqual([]);
    const rets = (r[0] as { rets: number[] }).rets;
    expect(rets.filter((x) => x === 0).length).toBe(50);
    expect(rets.filter((x) => x === -12).length).toBe(2);
    expect(m.k.printk.records.filter((x) => x.text.startsWith('request_module: runaway loop modprobe slow')).length).toBe(2);
  });
  it('6.6: 58 concurrent requests all succeed', () => {
    const { m, r } = run('6.6', [{ requestModule: 'slow', threads: 58 }]);
    expect(m.k.oopses).toEqual([]);
    expect((r[0] as { rets: number[] }).rets).toEqual(new Array(58).fill(0));
    expect(m.now).toBeGreaterThan(2e9);
  });
});
