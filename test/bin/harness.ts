// Runs one core utility inside a freshly booted machine, as the scenario harness would: its
// stdout/stderr captured as bytes, its wait status decoded.
import { describe, expect, it } from 'vitest';
import { Machine } from '../../src/init/machine.ts';
import { DEFAULT_ENV, startProcess } from '../../src/init/run.ts';
import { PROGRAM_PATHS } from '../../src/init/layout.ts';
import type { FileSpec } from '../../src/init/rootfs.ts';
import { WIFSIGNALED, WTERMSIG, WEXITSTATUS, WCOREDUMP } from '../../src/uapi/wait.ts';

export interface RunOpts {
  files?: Record<string, string | FileSpec>;
  stdin?: string;
  cwd?: string;
  env?: string[];
  machine?: Machine;
  profile?: '2.6.20' | '6.6';
  path?: string;
  /** Virtual ns budget. */
  budget?: number;
}

export interface RunResult {
  stdout: string;
  stderr: string;
  /** Exit code, or 128+signal when killed. */
  code: number;
  signal: number;
  core: boolean;
  machine: Machine;
}

export function boot(opts: RunOpts = {}): Machine {
  const files: Record<string, FileSpec> = {};
  for (const [p, f] of Object.entries(opts.files ?? {})) files[p] = typeof f === 'string' ? { content: f, mode: 0o644 } : f;
  return new Machine({ config: { profile: opts.profile ?? '6.6' }, files }).boot();
}

export function run(argv: string[], opts: RunOpts = {}): RunResult {
  const m = opts.machine ?? boot(opts);
  const path = opts.path ?? PROGRAM_PATHS[argv[0]]?.[0] ?? argv[0];
  const r = startProcess(m.k, { path, argv, envp: opts.env ?? DEFAULT_ENV, cwd: opts.cwd ?? '/root', stdin: opts.stdin });
  m.run({ stopWhen: () => r.finished, until: m.now + (opts.budget ?? 600e9), maxEvents: 5_000_000 });
  if (!r.finished) throw new Error(`${argv.join(' ')}: did not finish`);
  const sig = WIFSIGNALED(r.status) ? WTERMSIG(r.status) : 0;
  return {
    stdout: r.stdout.data, stderr: r.stderr.data, code: sig ? 128 + sig : WEXITSTATUS(r.status), signal: sig,
    core: WCOREDUMP(r.status), machine: m,
  };
}

/** Start a program in the background of `m` (not run yet). */
export function spawn(m: Machine, argv: string[], opts: RunOpts = {}) {
  const path = opts.path ?? PROGRAM_PATHS[argv[0]]?.[0] ?? argv[0];
  return startProcess(m.k, { path, argv, envp: opts.env ?? DEFAULT_ENV, cwd: opts.cwd ?? '/root', stdin: opts.stdin });
}

/** One invocation recorded from the real tool: what it must print and return. */
export interface RecordedCase { why: string; argv: string[]; stdin?: string; stdout: string; stderr: string; status: number }

/**
 * A suite of recorded cases, each run in `dir` holding `files` (names relative to it) with `env`;
 * stdout, stderr and the exit status must equal the recording byte for byte.
 */
export function recordedSuite(title: string, dir: string, files: Record<string, string>, env: string[], cases: readonly RecordedCase[]): void {
  const abs: Record<string, string> = {};
  for (const [name, content] of Object.entries(files)) abs[`${dir}/${name}`] = content;
  describe(title, () => {
    for (const c of cases) {
      it(`${c.why}: ${c.argv.map((a) => JSON.stringify(a)).join(' ')}`, () => {
        const r = run(c.argv, { files: abs, cwd: dir, env, stdin: c.stdin ?? '' });
        expect({ stdout: r.stdout, stderr: r.stderr, status: r.code }).toEqual({ stdout: c.stdout, stderr: c.stderr, status: c.status });
      });
    }
  });
}
