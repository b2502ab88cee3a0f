// Harness for tests of programs inside the machine: boot a fresh machine, run one shell command
// (or script file) as root, return its output and exit status.
import { utf8ToBytes, bytesToUtf8 } from '../lib/bytes.ts';
import { shellStatus } from '../uapi/wait.ts';
import type { Program } from '../uapi/syscalls.ts';
import { Machine } from './machine.ts';
import { kWriteFile } from '../kernel/vfs_api.ts';
import { DEFAULT_ENV, startProcess } from './run.ts';
import type { FileSpec } from './rootfs.ts';

export interface ShRun {
  stdout: string;
  stderr: string;
  status: number;
  machine: Machine;
}

export interface ShOptions {
  shell?: 'sh' | 'bash';
  /** Write the script to this path and run `sh PATH args...` instead of `sh -c`. */
  asFile?: string;
  args?: string[];
  files?: Record<string, string | { content: string; mode: string }>;
  stdin?: string;
  cwd?: string;
  env?: Record<string, string>;
  profile?: '2.6.20' | '6.6';
  rootfs?: 'default' | 'minimal';
  programs?: Record<string, Program>;
  /** Virtual-time budget (ns); default 10 minutes. */
  timeout?: number;
  machine?: Machine;
}

export function fileSpecs(files: ShOptions['files']): Record<string, FileSpec> {
  const out: Record<string, FileSpec> = {};
  for (const [path, v] of Object.entries(files ?? {})) {
    if (typeof v === 'string') out[path] = { content: utf8ToBytes(v), mode: v.startsWith('#!') ? 0o755 : 0o644 };
    else out[path] = { content: utf8ToBytes(v.content), mode: parseInt(v.mode, 8) };
  }
  return out;
}

export function bootMachine(opts: ShOptions = {}): Machine {
  return new Machine({
    config: { profile: opts.profile ?? '2.6.20' }, rootfs: opts.rootfs ?? 'default', files: fileSpecs(opts.files), programs: opts.programs,
  }).boot();
}

export function runSh(script: string, opts: ShOptions = {}): ShRun {
  const m = opts.machine ?? bootMachine(opts);
  const sh = opts.shell === 'bash' ? '/bin/bash' : '/bin/sh';
  const name = opts.shell === 'bash' ? 'bash' : 'sh';
  let argv: string[];
  if (opts.asFile) {
    kWriteFile(m.k, opts.asFile, utf8ToBytes(script), 0o755);
    argv = [name, opts.asFile, ...(opts.args ?? [])];
  } else {
    argv = [name, '-c', utf8ToBytes(script), name, ...(opts.args ?? [])];
  }
  const env = [...DEFAULT_ENV.filter((e) => !(e.split('=')[0] in (opts.env ?? {}))), ...Object.entries(opts.env ?? {}).map(([k, v]) => `${k}=${v}`)];
  const run = startProcess(m.k, { path: sh, argv, envp: env, cwd: opts.cwd ?? '/root', stdin: opts.stdin !== undefined ? utf8ToBytes(opts.stdin) : undefined });
  const until = m.now + (opts.timeout ?? 600e9);
  m.runDrained({ until, maxEvents: 50_000_000, stopWhen: () => run.finished });
  if (!run.finished) throw new Error(`runSh: the script did not finish within the budget (virtual ${(until / 1e9).toFixed(1)} s)`);
  return { stdout: bytesToUtf8(run.stdout.data), stderr: bytesToUtf8(run.stderr.data), status: shellStatus(run.status), machine: m };
}
