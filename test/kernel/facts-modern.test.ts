// The numbered facts of shared/spec/kernel-kmod.md that concern modern kernels (the 6.6 profile),
// each named after its number, plus the 6.6 halves of facts 8 and 9.
import { describe, expect, it } from 'vitest';
import { events, machineFor, scenario } from './helpers.ts';
import { StepRunner } from '../../src/init/steps.ts';
import { kReadFile, kWriteFile } from '../../src/kernel/vfs_api.ts';
import { spawnKernelThread } from '../../src/kernel/host.ts';
import { sendSignal } from '../../src/kernel/signal.ts';
import { usermodehelperDisable } from '../../src/kernel/umh.ts';
import { callUsermodehelperExec, callUsermodehelperSetup, UMH_NO_WAIT, UMH_WAIT_PROC } from '../../src/kernel/umh.ts';
import { SIGKILL } from '../../src/uapi/signal.ts';
import { startProcess } from '../../src/init/run.ts';
import { nativeImage } from '../../src/uapi/syscalls.ts';
import type { ProgramArgs, UserGen } from '../../src/uapi/syscalls.ts';
import { O_RDONLY, O_WRONLY } from '../../src/uapi/fcntl.ts';
import { capget, capset, close, finitModule, open, write } from '../../src/userland/lib/sys.ts';
import type { CapData } from '../../src/uapi/syscalls.ts';
import { readFile, writeAll } from '../../src/userland/lib/io.ts';
import { Machine } from '../../src/init/machine.ts';
import { fakemod } from './helpers.ts';

describe('kernel-kmod facts (6.6)', () => {
  it('fact 8 (6.6): an empty modprobe_path returns -ENOENT before the semaphore; no helper runs', () => {
    const r = scenario('6.6', [{ sysctl: { 'kernel.modprobe': '' } }, { requestModule: 'foo' }]);
    expect(r.rets[1]).toEqual([-2]);
    expect(r.log).toEqual([]);
    expect(events(r.m, 'sem_down')).toEqual([]);
  });

  it('fact 9 (6.6): helpers are -EBUSY while usermode helpers are disabled (boot, suspend)', () => {
    const m = machineFor('6.6');
    m.k.umh.disabled = 2;
    const r = new StepRunner(m, [{ requestModule: 'foo' }, { callUsermodehelper: { path: '/sbin/fakemod', wait: 2 } }]).runAll();
    expect(r).toEqual([{ rets: [-16] }, { ret: -16 }]);
  });

  it('fact 17: with 50 slots held the 51st waits up to 5 s: it proceeds when a slot frees, else -ETIME with the ratelimited message', () => {
    const quick = scenario('6.6', [{ requestModule: 'one', threads: 51 }], { files: { '/etc/fakemod/one': 'sleep 1000\n' } });
    expect(quick.rets[0]).toEqual(new Array(51).fill(0));
    expect(quick.dmesg.filter((l) => l.includes('cannot be processed'))).toEqual([]);
    const slow = scenario('6.6', [{ requestModule: 'fs-fs%d', args: [7], threads: 55 }], { files: { '/etc/fakemod/fs-fs7': 'sleep 8000\n' } });
    expect(slow.rets[0].filter((x) => x === 0)).toHaveLength(50);
    expect(slow.rets[0].filter((x) => x === -62)).toHaveLength(5);
    const msgs = slow.m.k.printk.records.filter((x) => x.text.startsWith('request_module: modprobe'));
    expect(msgs).toHaveLength(5);
    expect(msgs[0].text).toBe('request_module: modprobe fs-fs7 cannot be processed, kmod busy with 50 threads for more than 5 seconds now');
    expect(msgs[0].level).toBe(4);
    expect(msgs[0].t).toBeGreaterThanOrEqual(5e9);
    // Ratelimit: burst 10 per 5 s per call site.
    const many = scenario('6.6', [{ requestModule: 'x', threads: 70 }], { files: { '/etc/fakemod/x': 'sleep 8000\n' } });
    expect(many.rets[0].filter((x) => x === -62)).toHaveLength(20);
    expect(many.dmesg.filter((l) => l.includes('cannot be processed'))).toHaveLength(10);
  });

  it('fact 18: request_module runs modprobe with UMH_WAIT_PROC|UMH_KILLABLE (6), the nowait variant with UMH_WAIT_EXEC|UMH_KILLABLE (5) and returns after exec, releasing its slot', () => {
    const r = scenario('6.6', [{ requestModule: 'a' }, { requestModule: 'b', wait: false }], { files: { '/etc/fakemod/b': 'sleep 3000\nexit 1\n' } });
    expect(events(r.m, 'umh_call').map((e) => e.wait)).toEqual([6, 5]);
    expect(r.rets).toEqual([[0], [0]]);
    const ret = events(r.m, 'module_request_ret').find((e) => e.name === 'b')!;
    const up = events(r.m, 'sem_up')[1];
    const exit = events(r.m, 'sched_process_exit').filter((e) => e.comm === 'fakemod')[1];
    expect(ret.t).toBeLessThan(exit.t as number);
    expect(up.t).toBeLessThan(exit.t as number);
  });

  it('fact 19: SIGKILL to a task waiting in request_module returns -ERESTARTSYS at once; the helper goes on and its info is freed later', () => {
    const m = machineFor('6.6', { files: { '/etc/fakemod/slow': 'sleep 2000\n' } });
    const runner = new StepRunner(m, [{ requestModule: 'slow' }]);
    runner.poll();
    m.run({ until: m.now + 1e9 });
    const caller = [...m.k.tasks.values()].find((t) => t.comm === 'reqmod-0')!;
    sendSignal(m.k, SIGKILL, caller, true);
    m.run({ until: m.now + 1e6 });
    runner.runAll();
    expect(runner.results).toEqual([{ rets: [-512] }]);
    const ret = events(m, 'module_request_ret')[0];
    const exit = events(m, 'sched_process_exit').find((e) => e.comm === 'fakemod')!;
    expect(ret.t).toBeLessThan(exit.t as number);
    expect(exit.t - ret.t).toBeGreaterThan(0.9e9);
    expect(m.k.kmodSem!.count).toBe(50);
  });

  it('fact 20: UMH_NO_WAIT returns 0 at once (exec errors lost); a NULL path is -EINVAL; an empty path 0 with nothing run', () => {
    const m = machineFor('6.6');
    const rets: number[] = [];
    spawnKernelThread(m.k, 'caller', function* (k) {
      rets.push(yield* callUsermodehelperExec(k, callUsermodehelperSetup(k, '/sbin/missing', ['/sbin/missing'], []), UMH_NO_WAIT));
      rets.push(yield* callUsermodehelperExec(k, callUsermodehelperSetup(k, null, [], []), UMH_WAIT_PROC));
      rets.push(yield* callUsermodehelperExec(k, callUsermodehelperSetup(k, '', [], []), UMH_WAIT_PROC));
      return 0;
    });
    m.run({ until: m.now + 1e9 });
    expect(rets).toEqual([0, -22, 0]);
    expect(events(m, 'sched_process_exec').map((e) => [e.filename, e.ret])).toEqual([['/sbin/missing', -2]]);
  });

  it('fact 21: CONFIG_STATIC_USERMODEHELPER execs the static path while argv[0] names the intended program', () => {
    const r = scenario('6.6', [{ requestModule: 'foo' }], { config: { staticUsermodehelper: '/sbin/usermode-helper' }, files: { '/sbin/usermode-helper': { content: nativeImage('fakemod'), mode: 0o755 } } });
    const exec = events(r.m, 'sched_process_exec')[0];
    expect(exec.filename).toBe('/sbin/usermode-helper');
    expect(exec.argv).toEqual(['/sbin/fakemod', '-q', '--', 'foo']);
    const empty = scenario('6.6', [{ requestModule: 'foo' }], { config: { staticUsermodehelper: '' } });
    expect(empty.rets).toEqual([[0]]);
    expect(events(empty.m, 'sched_process_exec')).toEqual([]);
  });

  it('fact 22: writing usermodehelper/bset needs CAP_SETPCAP and CAP_SYS_MODULE, and can only clear bits', () => {
    const m = machineFor('6.6');
    expect(kReadFile(m.k, '/proc/sys/kernel/usermodehelper/bset')).toBe('4294967295\t511\n');
    const rets: number[] = [];
    function* writer({ argv }: ProgramArgs): UserGen {
      if (argv[2] === 'drop') {
        // Give up CAP_SYS_MODULE (16) from the effective set first.
        const caps = (yield* capget(0)) as CapData;
        yield* capset({ ...caps, effective: caps.effective.filter((c) => c !== 16) });
      }
      const fd = yield* open('/proc/sys/kernel/usermodehelper/bset', O_WRONLY);
      rets.push(yield* write(fd, argv[1]));
      yield* close(fd);
      return 0;
    }
    m.k.programs.set('writer', writer);
    kWriteFile(m.k, '/bin/writer', nativeImage('writer'), 0o755);
    for (const v of ['4294901759\t511\n', '4294967295\t511\n']) {
      const p = startProcess(m.k, { path: '/bin/writer', argv: ['writer', v] });
      m.run({ stopWhen: () => p.finished });
    }
    expect(rets).toEqual([15, 15]);
    // Bit 16 (CAP_SYS_MODULE) was cleared and could not come back.
    expect(kReadFile(m.k, '/proc/sys/kernel/usermodehelper/bset')).toBe('4294901759\t511\n');
    const p = startProcess(m.k, { path: '/bin/writer', argv: ['writer', '0\t0\n', 'drop'] });
    m.run({ stopWhen: () => p.finished });
    expect(rets[2]).toBe(-1);
    expect(kReadFile(m.k, '/proc/sys/kernel/usermodehelper/bset')).toBe('4294901759\t511\n');
  });

  it('fact 23: usermodehelper_disable() with a helper still running after 5 s returns -EAGAIN and re-enables helpers', () => {
    const m = machineFor('6.6', { files: { '/etc/fakemod/long': 'sleep 10000\n' } });
    const runner = new StepRunner(m, [{ requestModule: 'long' }]);
    runner.poll();
    m.run({ until: m.now + 1e8 });
    let ret: number | null = null;
    let at = 0;
    spawnKernelThread(m.k, 'suspend', function* (k) {
      const start = k.sched.now;
      ret = yield* usermodehelperDisable(k);
      at = k.sched.now - start;
      return 0;
    });
    runner.runAll();
    expect(ret).toBe(-11);
    expect(at).toBeGreaterThanOrEqual(5e9);
    expect(m.k.umh.disabled).toBe(0);
    expect(runner.results).toEqual([{ rets: [0] }]);
  });
});

/** A native program that performs the selftest's sysfs steps and prints what it read. */
function* knobs({ argv }: ProgramArgs): UserGen {
  const dir = '/sys/devices/virtual/misc/test_kmod0';
  const out: string[] = [];
  for (const op of argv.slice(1)) {
    const [kind, name, value] = op.split(':');
    if (kind === 'load') {
      const fd = yield* open(name, O_RDONLY);
      out.push(`load ${yield* finitModule(fd, '', 0)}`);
      yield* close(fd);
    } else if (kind === 'w') {
      const fd = yield* open(`${dir}/${name}`, O_WRONLY);
      out.push(`${name} ${yield* write(fd, (value ?? '').replace(/\\0/g, '\0').replace(/\\n/g, '\n'))}`);
      yield* close(fd);
    } else if (kind === 'r') {
      const r = yield* readFile(`${dir}/${name}`);
      out.push(`${name}=${typeof r === 'string' ? r.trim() : r}`);
    } else if (kind === 'sys') {
      const fd = yield* open(`/proc/sys/kernel/${name}`, O_WRONLY);
      yield* write(fd, `${value ?? ''}\n`);
      yield* close(fd);
    }
  }
  yield* writeAll(1, out.join('\n') + '\n');
  return 0;
}

function selftest(profile: '2.6.20' | '6.6', ops: string[], files: Record<string, string> = {}) {
  const m = new Machine({
    config: { profile, modprobePath: '/sbin/fakemod' }, programs: { fakemod, knobs },
    files: {
      '/sbin/fakemod': { content: nativeImage('fakemod'), mode: 0o755 }, '/bin/knobs': { content: nativeImage('knobs'), mode: 0o755 },
      ...Object.fromEntries(Object.entries(files).map(([p, c]) => [p, { content: c, mode: 0o644 }])),
    },
  }).boot();
  const ko = `/lib/modules/${m.k.config.release}/kernel/lib/test_kmod.ko`;
  const p = startProcess(m.k, { path: '/bin/knobs', argv: ['knobs', `load:${ko}`, ...ops] });
  m.run({ stopWhen: () => p.finished, until: m.now + 600e9 });
  expect(m.k.oopses).toEqual([]);
  return { m, out: p.stdout.data.trim().split('\n') };
}

describe('test_kmod facts', () => {
  it('fact 24: selftest 0002: nope-test_module gives 256, nope-xfs gives -22', () => {
    const { out } = selftest('6.6', ['w:config_test_driver:nope-test_module', 'w:config_num_threads:1', 'w:trigger_config:1', 'r:test_result',
      'w:reset:1', 'w:config_test_case:2', 'w:config_test_fs:nope-xfs', 'w:trigger_config:1', 'r:test_result'], { '/etc/fakemod/nope-test_module': 'exit 1\n', '/etc/fakemod/fs-nope-xfs': 'exit 1\n' });
    expect(out.filter((l) => l.startsWith('test_result='))).toEqual(['test_result=256', 'test_result=-22']);
  });

  it('fact 25: selftest 0010: a nonexistent modprobe path gives -2; 0011: an empty path gives -2 on 6.6 and 0 on 2.6.20', () => {
    const ops = ['w:config_num_threads:1', 'sys:modprobe:/KMOD_TEST_NONEXISTENT', 'w:trigger_config:1', 'r:test_result', 'sys:modprobe:', 'w:trigger_config:1', 'r:test_result'];
    expect(selftest('6.6', ops).out.filter((l) => l.startsWith('test_result='))).toEqual(['test_result=-2', 'test_result=-2']);
    expect(selftest('2.6.20', ops).out.filter((l) => l.startsWith('test_result='))).toEqual(['test_result=-2', 'test_result=0']);
  });

  it('fact 26: selftests 0008/0009 (58 and 62 threads) all succeed on 6.6; on 2.6.20 requests beyond 50 in flight get -12', () => {
    const files = { '/etc/fakemod/test_module': 'sleep 50\n' };
    expect(selftest('6.6', ['w:config_num_threads:58', 'w:trigger_config:1', 'r:test_result'], files).out).toContain('test_result=0');
    const old = selftest('2.6.20', ['w:config_num_threads:58', 'w:trigger_config:1', 'r:test_result'], files);
    expect(old.out).toContain('test_result=-12');
    expect(old.m.k.printk.records.some((r) => r.text === 'misc test_kmod0: Sync thread 57 return status: -12' || /return status: -12$/.test(r.text))).toBe(true);
  });

  it('fact 27: config_test_case takes only 1 or 2; config_num_threads 0 or too large is -EINVAL with the old value kept; trigger_config returns the byte count even when the test failed', () => {
    const { out } = selftest('6.6', ['w:config_test_case:3', 'w:config_test_case:0', 'w:config_test_case:2', 'r:config_test_case',
      'w:config_num_threads:7', 'w:config_num_threads:0', 'w:config_num_threads:99999999999', 'r:config_num_threads',
      'w:config_test_case:1', 'w:config_test_driver:nope', 'w:trigger_config:12345', 'r:test_result'], { '/etc/fakemod/nope': 'exit 1\n' });
    expect(out).toEqual(['load 0', 'config_test_case -22', 'config_test_case -22', 'config_test_case 1', 'config_test_case=2',
      'config_num_threads 1', 'config_num_threads -22', 'config_num_threads -34', 'config_num_threads=7',
      'config_test_case 1', 'config_test_driver 4', 'trigger_config 5', 'test_result=256']);
  });
});
