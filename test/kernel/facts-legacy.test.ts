// The numbered facts of shared/spec/kernel-kmod.md ("Facts a simulator must get right") that
// concern 2.6.20 (and 2.6.21's one change), each named after its number.
import { describe, expect, it } from 'vitest';
import { events, scenario } from './helpers.ts';
import { kReadFile, kStat } from '../../src/kernel/vfs_api.ts';

const junk = { content: '\x00\x01\x02\x03junk', mode: 0o755 };

describe('kernel-kmod facts (2.6.20)', () => {
  it('fact 1: a name of >= MODULE_NAME_LEN chars is -ENAMETOOLONG, with no helper, no counter change, no printk', () => {
    for (const [arch, len] of [['x86_64', 56], ['i386', 60]] as const) {
      const short = 'm'.repeat(len - 1);
      const long = 'm'.repeat(len);
      const r = scenario('2.6.20', [{ requestModule: long }, { requestModule: short }], { config: { arch } });
      expect(r.rets).toEqual([[-36], [0]]);
      expect(r.log).toHaveLength(1);
      expect(r.log[0]).toContain(` -q -- ${short} |`);
      expect(r.dmesg.some((l) => l.includes('request_module'))).toBe(false);
      const counts = events(r.m, 'kmod_concurrent').map((e) => e.count);
      expect(counts).toEqual([1, 0]);
    }
  });

  it('fact 2: 50 simultaneous requests succeed, the 51st gets -ENOMEM and a KERN_ERR runaway line', () => {
    const r = scenario('2.6.20', [{ requestModule: 'slow', threads: 51 }], { files: { '/etc/fakemod/slow': 'sleep 500\n' } });
    const rets = r.rets[0];
    expect(rets.slice(0, 50)).toEqual(new Array(50).fill(0));
    expect(rets[50]).toBe(-12);
    const rec = r.m.k.printk.records.filter((x) => x.text === 'request_module: runaway loop modprobe slow');
    expect(rec).toHaveLength(1);
    expect(rec[0].level).toBe(3);
  });

  it('fact 3: only the first 5 rejections after boot print the runaway line; later ones are silent', () => {
    const r = scenario('2.6.20', [{ requestModule: 'slow', threads: 58 }, { requestModule: 'slow', threads: 52 }], { files: { '/etc/fakemod/slow': 'sleep 100\n' } });
    expect(r.rets[0].filter((x) => x === -12)).toHaveLength(8);
    expect(r.rets[1].filter((x) => x === -12)).toHaveLength(2);
    expect(r.dmesg.filter((l) => l.startsWith('request_module: runaway loop'))).toHaveLength(5);
  });

  it('fact 4: threads-max 20 makes the limit 10 (the 11th fails with -ENOMEM); threads-max 1 fails every request', () => {
    const r = scenario('2.6.20', [{ sysctl: { 'kernel.threads-max': '20' } }, { requestModule: 'slow', threads: 11 }], { files: { '/etc/fakemod/slow': 'sleep 100\n' } });
    // The first ten pass the counter (their helpers then cannot fork: nr_threads >= max_threads).
    expect(r.rets[1][10]).toBe(-12);
    expect(r.rets[1].slice(0, 10).every((x) => x !== -12)).toBe(true);
    expect(events(r.m, 'kmod_concurrent').map((e) => e.max)).toContain(10);
    const r1 = scenario('2.6.20', [{ sysctl: { 'kernel.threads-max': '1' } }, { requestModule: 'foo', threads: 3 }]);
    expect(r1.rets[1]).toEqual([-12, -12, -12]);
  });

  it('fact 5: the helper gets argv [modprobe_path, -q, --, name] and exactly HOME, TERM, PATH', () => {
    const r = scenario('2.6.20', [{ requestModule: 'net-pf-%d', args: [10] }]);
    expect(r.log).toEqual(['/sbin/fakemod -q -- net-pf-10 | HOME=/ TERM=linux PATH=/sbin:/usr/sbin:/bin:/usr/bin'.replace(/^/, r.log[0].split(' ')[0] + ' ')]);
    const exec = events(r.m, 'sched_process_exec').find((e) => e.filename === '/sbin/fakemod');
    expect(exec?.argv).toEqual(['/sbin/fakemod', '-q', '--', 'net-pf-10']);
    expect(exec?.envp).toEqual(['HOME=/', 'TERM=linux', 'PATH=/sbin:/usr/sbin:/bin:/usr/bin']);
  });

  it('fact 6: exit 0 -> 0, exit 1 -> 256, exit 3 -> 768, SIGKILL -> 9, SIGSEGV with core -> 139', () => {
    const r = scenario('2.6.20', [
      { requestModule: 'ok' }, { requestModule: 'one' }, { requestModule: 'three' }, { requestModule: 'killed' }, { requestModule: 'segv' },
    ], { files: { '/etc/fakemod/one': 'exit 1\n', '/etc/fakemod/three': 'exit 3\n', '/etc/fakemod/killed': 'signal 9\n', '/etc/fakemod/segv': 'rlimit-core\nsignal 11\n' } });
    expect(r.rets).toEqual([[0], [256], [768], [9], [139]]);
  });

  it('fact 7: a missing modprobe is -2, a non-executable one -13, an unknown format -8 after nested binfmt requests that end in the runaway message', () => {
    const r = scenario('2.6.20', [
      { sysctl: { 'kernel.modprobe': '/sbin/nonexistent' } }, { requestModule: 'a' },
      { sysctl: { 'kernel.modprobe': '/etc/passwd' } }, { requestModule: 'b' },
      { sysctl: { 'kernel.modprobe': '/sbin/junk' } }, { requestModule: 'c' },
    ], { files: { '/sbin/junk': junk } });
    expect([r.rets[1], r.rets[3], r.rets[5]]).toEqual([[-2], [-13], [-8]]);
    const nested = events(r.m, 'module_request').filter((e) => e.name === 'binfmt-0302');
    expect(nested.length).toBe(50);
    expect(r.dmesg).toContain('request_module: runaway loop modprobe binfmt-0302');
  });

  it('fact 8: an empty modprobe_path returns 0 and runs nothing, the counter taken and released', () => {
    const r = scenario('2.6.20', [{ sysctl: { 'kernel.modprobe': '' } }, { requestModule: 'foo' }]);
    expect(r.rets[1]).toEqual([0]);
    expect(r.log).toEqual([]);
    expect(events(r.m, 'sched_process_exec')).toEqual([]);
    expect(events(r.m, 'kmod_concurrent').map((e) => e.count)).toEqual([1, 0]);
  });

  it('fact 9: a usermode-helper call before usermodehelper_init (no khelper_wq) is -EBUSY', () => {
    const r = scenario('2.6.20', [{ requestModule: 'foo' }], {});
    expect(r.rets[0]).toEqual([0]);
    const m = r.m;
    const saved = m.k.kmod.khelperWq;
    m.k.kmod.khelperWq = null;
    const again = scenarioOn(m, [{ requestModule: 'foo' }, { callUsermodehelper: { path: '/sbin/fakemod', wait: 1 } }]);
    m.k.kmod.khelperWq = saved;
    expect(again).toEqual([[-16], [-16]]);
  });

  it('fact 10: wait=0 returns once the helper has exec\'d: 0 on success (exit code unseen) or the exec errno', () => {
    const r = scenario('2.6.20', [
      { callUsermodehelper: { path: '/sbin/fakemod', argv: ['/sbin/fakemod', 'x'], wait: 0 } },
      { callUsermodehelper: { path: '/sbin/missing', wait: 0 } },
    ], { files: { '/etc/fakemod/x': 'sleep 2000\nexit 5\n' } });
    expect(r.rets).toEqual([[0], [-2]]);
    const ret = events(r.m, 'umh_ret')[0];
    const exit = events(r.m, 'sched_process_exit').find((e) => e.comm === 'fakemod');
    expect(ret.t).toBeLessThan(exit!.t as number);
    expect(exit!.status).toBe(5 << 8);
  });

  it('fact 11: wait!=0 gives the raw wait status if non-zero, else the failed exec\'s errno, else 0', () => {
    const r = scenario('2.6.20', [
      { callUsermodehelper: { path: '/sbin/fakemod', argv: ['/sbin/fakemod', 'two'], wait: 1 } },
      { callUsermodehelper: { path: '/sbin/missing', wait: 1 } },
      { callUsermodehelper: { path: '/sbin/fakemod', argv: ['/sbin/fakemod', 'ok'], wait: 1 } },
    ], { files: { '/etc/fakemod/two': 'exit 2\n' } });
    expect(r.rets).toEqual([[512], [-2], [0]]);
  });

  it('fact 12: wait=0 blocks the single khelper thread until exec (vfork); wait!=0 leaves it to wait_for_helper', () => {
    const r = scenario('2.6.20', [{ callUsermodehelper: { path: '/sbin/fakemod', wait: 0 } }, { callUsermodehelper: { path: '/sbin/fakemod', wait: 1 } }]);
    const forks = events(r.m, 'sched_process_fork').filter((e) => e.comm === 'khelper');
    expect(forks[0].clone_flags).toBe(0x4000 | 17);
    expect(forks[1].clone_flags).toBe(0x200 | 0x400 | 17);
    const khelperPid = forks[0].cpid;
    const vforkSleep = events(r.m, 'completion_wait').filter((e) => e.cpid === khelperPid && e.what === 'vfork');
    expect(vforkSleep).toHaveLength(1);
    const waits = events(r.m, 'sched_process_wait');
    expect(waits.some((e) => e.cpid === khelperPid)).toBe(false);
    expect(waits.some((e) => e.comm === 'khelper' && e.cpid !== khelperPid)).toBe(true);
  });

  it('fact 13: 2.6.21 wait=-1 returns 0 at once, even if the program does not exist', () => {
    const r = scenario('2.6.21', [{ callUsermodehelper: { path: '/sbin/missing', wait: -1 } }]);
    expect(r.rets).toEqual([[0]]);
    const call = events(r.m, 'umh_call')[0];
    const ret = events(r.m, 'umh_ret')[0];
    const exec = events(r.m, 'sched_process_exec').find((e) => e.filename === '/sbin/missing');
    expect(exec!.ret).toBe(-2);
    expect(ret.t).toBeLessThan(exec!.t as number);
    expect(ret.t - call.t).toBeLessThan(10_000);
  });

  it('fact 14: call_usermodehelper_pipe hands the write end to the caller, the helper reads it as fd 0 with RLIMIT_CORE 0, and returns after exec; an empty path returns 0 without a pipe', () => {
    const r = scenario('2.6.20', [
      { callUsermodehelperPipe: { path: '/sbin/fakemod', argv: ['/sbin/fakemod', 'core-reader'], input: 'core bytes' } },
      { callUsermodehelperPipe: { path: '', input: 'x' } },
    ], { files: { '/etc/fakemod/core-reader': 'stdin\n' } });
    expect(r.rets).toEqual([[0], [0]]);
    expect(kReadFile(r.m.k, '/tmp/fakemod.stdin')).toBe('core bytes');
    expect(r.log).toHaveLength(1);
  });

  it('fact 15: core_pattern |/x runs /x with no argv and no environment; a failure logs "Core dump to |/x pipe failed" at KERN_INFO', () => {
    const r = scenario('2.6.20', [{ sysctl: { 'kernel.core_pattern': '|/sbin/fakemod' } }, { requestModule: 'crasher' }], {
      files: { '/etc/fakemod/crasher': 'rlimit-core\nsignal 11\n' },
    });
    // The crashing fake modprobe dumps core to the pipe helper, which is fakemod again, with no argv.
    const execs = events(r.m, 'sched_process_exec').filter((e) => e.filename === '/sbin/fakemod');
    expect(execs.map((e) => e.argv)).toEqual([['/sbin/fakemod', '-q', '--', 'crasher'], []]);
    expect(execs[1].envp).toEqual([]);
    expect(r.rets[1]).toEqual([139]);
    const f = scenario('2.6.20', [{ sysctl: { 'kernel.core_pattern': '|/x' } }, { requestModule: 'crasher' }], {
      files: { '/etc/fakemod/crasher': 'rlimit-core\nsignal 11\n' },
    });
    const rec = f.m.k.printk.records.find((x) => x.text === 'Core dump to |/x pipe failed');
    expect(rec?.level).toBe(6);
    expect(f.rets[1]).toEqual([11]);
  });

  it('fact 16: CONFIG_KMOD=n makes request_module -ENOSYS and removes /proc/sys/kernel/modprobe', () => {
    const r = scenario('2.6.20', [{ requestModule: 'foo' }], { config: { kmod: false } });
    expect(r.rets).toEqual([[-38]]);
    expect(kStat(r.m.k, '/proc/sys/kernel/modprobe')).toBe(-2);
  });

  it('fact 28: /proc/sys/kernel/modprobe reads end in \\n; a write stops at the first newline and keeps 255 bytes', () => {
    const r = scenario('2.6.20', [{ sysctl: { 'kernel.modprobe': 'abc' } }]);
    expect(kReadFile(r.m.k, '/proc/sys/kernel/modprobe')).toBe('abc\n');
    const e = r.m.k.sysctl.entries.get('kernel/modprobe')!;
    expect(e.write(r.m.k, 'x\n\ny', 0)).toBe(4);
    expect(kReadFile(r.m.k, '/proc/sys/kernel/modprobe')).toBe('x\n');
    e.write(r.m.k, 'z'.repeat(301), 0);
    expect(kReadFile(r.m.k, '/proc/sys/kernel/modprobe')).toBe(`${'z'.repeat(255)}\n`);
    e.write(r.m.k, '\n', 0);
    expect(kReadFile(r.m.k, '/proc/sys/kernel/modprobe')).toBe('\n');
  });
});

import { StepRunner } from '../../src/init/steps.ts';
import type { Step } from '../../src/init/steps.ts';
import type { Machine } from '../../src/init/machine.ts';
function scenarioOn(m: Machine, steps: Step[]): number[][] {
  return new StepRunner(m, steps).runAll().map((r) => ('rets' in r && Array.isArray(r.rets) ? r.rets : 'ret' in r ? [r.ret] : []));
}
