// Test helpers for kernel facts: a configurable fake modprobe (a native program) and a one-call
// scenario runner.
import { Machine } from '../../src/init/machine.ts';
import type { MachineOptions } from '../../src/init/machine.ts';
import { StepRunner } from '../../src/init/steps.ts';
import type { Step, StepResult } from '../../src/init/steps.ts';
import type { KernelConfig } from '../../src/kernel/profile.ts';
import type { FileSpec } from '../../src/init/rootfs.ts';
import { nativeImage } from '../../src/uapi/syscalls.ts';
import type { ProgramArgs, UserGen } from '../../src/uapi/syscalls.ts';
import { O_APPEND, O_CREAT, O_WRONLY } from '../../src/uapi/fcntl.ts';
import { RLIMIT_CORE, RLIM_INFINITY } from '../../src/uapi/resource.ts';
import { readAll, readFile, writeAll } from '../../src/userland/lib/io.ts';
import { close, getpid, kill, nanosleep, open, setrlimit } from '../../src/userland/lib/sys.ts';

/**
 * A fake modprobe: appends "pid argv... | envp..." to /tmp/fakemod.log, then follows
 * /etc/fakemod/<last arg> (lines: "sleep MS", "exit N", "signal N", "rlimit-core", "stdin").
 */
export function* fakemod({ argv, envp }: ProgramArgs): UserGen {
  const pid = yield* getpid();
  const fd = yield* open('/tmp/fakemod.log', O_WRONLY | O_CREAT | O_APPEND, 0o644);
  yield* writeAll(fd, `${pid} ${argv.join(' ')} | ${envp.join(' ')}\n`);
  yield* close(fd);
  const conf = yield* readFile(`/etc/fakemod/${argv[argv.length - 1] ?? ''}`);
  if (typeof conf !== 'string') return 0;
  for (const line of conf.split('\n')) {
    const [op, arg] = line.split(/\s+/);
    if (op === 'sleep') yield* nanosleep(Number(arg) * 1e6);
    else if (op === 'exit') return Number(arg);
    else if (op === 'rlimit-core') yield* setrlimit(RLIMIT_CORE, { cur: RLIM_INFINITY, max: RLIM_INFINITY });
    else if (op === 'signal') {
      yield* kill(pid, Number(arg));
      yield* nanosleep(1e9);
    } else if (op === 'stdin') {
      const data = yield* readAll(0);
      const o = yield* open('/tmp/fakemod.stdin', O_WRONLY | O_CREAT, 0o644);
      yield* writeAll(o, typeof data === 'string' ? data : `error ${data}`);
      yield* close(o);
    }
  }
  return 0;
}

export interface ScenarioOpts {
  config?: Partial<KernelConfig>;
  files?: Record<string, string | FileSpec>;
  machine?: Partial<MachineOptions>;
}

export function machineFor(profile: KernelConfig['profile'], opts: ScenarioOpts = {}): Machine {
  const files: Record<string, FileSpec> = { '/sbin/fakemod': { content: nativeImage('fakemod'), mode: 0o755 } };
  for (const [p, f] of Object.entries(opts.files ?? {})) files[p] = typeof f === 'string' ? { content: f, mode: 0o644 } : f;
  return new Machine({ config: { profile, modprobePath: '/sbin/fakemod', ...opts.config }, programs: { fakemod }, files, ...opts.machine }).boot();
}

export interface ScenarioRun {
  m: Machine;
  results: StepResult[];
  rets: number[][];
  dmesg: string[];
  log: string[];
}

export function scenario(profile: KernelConfig['profile'], steps: Step[], opts: ScenarioOpts = {}): ScenarioRun {
  const m = machineFor(profile, opts);
  const results = new StepRunner(m, steps).runAll();
  if (m.k.oopses.length) throw new Error(`kernel oops: ${m.k.oopses.join('; ')}`);
  const rets = results.map((r) => ('rets' in r && Array.isArray(r.rets) ? r.rets : 'ret' in r ? [r.ret] : []));
  const dmesg = m.k.printk.records.map((r) => r.text);
  const logData = m.k.tasks.size ? readLog(m) : '';
  return { m, results, rets, dmesg, log: logData.split('\n').filter(Boolean) };
}

import { kReadFile } from '../../src/kernel/vfs_api.ts';
export function readLog(m: Machine, path = '/tmp/fakemod.log'): string {
  const r = kReadFile(m.k, path);
  return typeof r === 'string' ? r : '';
}

/** Events of one kind from the trace, decoded. */
export function events(m: Machine, name: string) {
  return m.k.trace.slice().filter((e) => e.event === name);
}
