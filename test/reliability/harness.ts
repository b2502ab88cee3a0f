// Helpers for the reliability suite: boot a machine, start shell scripts in it the way a scenario
// step does (captured stdout/stderr, a session of their own), drive it in bounded slices, and run
// code that may freeze the host in a child process with a wall-clock limit.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Machine } from '../../src/init/machine.ts';
import type { MachineOptions } from '../../src/init/machine.ts';
import { DEFAULT_ENV, startProcess } from '../../src/init/run.ts';
import type { ProcessRun } from '../../src/init/run.ts';
import type { StopReason } from '../../src/kernel/sched.ts';
import type { ProfileName } from '../../src/kernel/profile.ts';
import { utf8ToBytes } from '../../src/lib/bytes.ts';

export function boot(profile: ProfileName = '2.6.20', opts: MachineOptions = {}): Machine {
  return new Machine({ ...opts, config: { profile, ...opts.config } }).boot();
}

/** Start `sh -c script` in m (not run yet: drive m to make it progress). */
export function spawnSh(m: Machine, script: string): ProcessRun {
  return startProcess(m.k, { path: '/bin/sh', argv: ['sh', '-c', utf8ToBytes(script)], envp: DEFAULT_ENV, cwd: '/root' });
}

export interface Slices {
  reasons: StopReason[];
  /** Virtual time at the end of each slice. */
  times: number[];
}

/** Run m in `count` slices of at most `events` scheduler events each. */
export function slices(m: Machine, count: number, events: number, each?: (i: number) => void): Slices {
  const out: Slices = { reasons: [], times: [] };
  for (let i = 0; i < count; i++) {
    out.reasons.push(m.run({ maxEvents: events }));
    out.times.push(m.now);
    each?.(i);
  }
  return out;
}

/** Run until `done()` or the event budget is spent; returns whether done() became true. */
export function runUntil(m: Machine, done: () => boolean, maxEvents = 5_000_000, until = m.now + 600e9): boolean {
  m.run({ maxEvents, until, stopWhen: done });
  return done();
}

/** Live user processes (tasks with an address space that have not exited). */
export function userTasks(m: Machine): number {
  let n = 0;
  for (const t of m.k.tasks.values()) if (t.mm && !t.exitState) n++;
  return n;
}

export function dmesg(m: Machine): string[] {
  return m.k.printk.records.map((r) => r.text);
}

export interface Isolated {
  /** The child was killed by the wall-clock limit (the host would have frozen). */
  timedOut: boolean;
  /** What the case printed (one JSON line) when it finished. */
  result: unknown;
  stderr: string;
}

const CHILD = fileURLToPath(new URL('./isolate_child.ts', import.meta.url));

/**
 * Run a case of isolate_child.ts in its own Node process, killed after `ms` of wall time. For code
 * that may never return to the host: a synchronous hang inside a test would freeze the runner.
 */
export function isolated(name: string, ms = 15_000): Isolated {
  const r = spawnSync(process.execPath, ['--import', 'tsx', CHILD, name], { timeout: ms, encoding: 'utf8', maxBuffer: 1 << 24 });
  const timedOut = r.error !== undefined && (r.error as NodeJS.ErrnoException).code === 'ETIMEDOUT' || r.signal === 'SIGTERM';
  const last = (r.stdout ?? '').trim().split('\n').pop() ?? '';
  return { timedOut, result: parseLast(last), stderr: r.stderr ?? '' };
}

function parseLast(line: string): unknown {
  try {
    return line ? JSON.parse(line) : null;
  } catch (_e) {
    return line;
  }
}
