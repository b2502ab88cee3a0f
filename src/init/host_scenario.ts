// Scenarios for the playground: reading one (the built-in examples, an imported file) into a
// booted interactive machine with its steps ready to run, and writing the user's state back out
// as a scenario document (scenario-format.md, version 1).
import { bytesToUtf8, utf8ToBytes } from '../lib/bytes.ts';
import type { Machine } from './machine.ts';
import { StepRunner } from './steps.ts';
import type { Step, StepResult } from './steps.ts';
import { parseScenario } from './scenario/parse.ts';
import type { Scenario } from './scenario/parse.ts';
import { LIMITS } from './scenario/schema.ts';
import { machineFor } from './scenario/run.ts';
import { parseDuration } from './duration.ts';
import type { Changes } from './host_fs.ts';
import type { HostKernelSettings } from './host_api.ts';

export type { Scenario, Step, StepResult };

export type ReadResult = { ok: true; scenario: Scenario } | { ok: false; error: string };

export function readScenario(text: string): ReadResult {
  try {
    return { ok: true, scenario: parseScenario(text) };
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
}

export interface Started {
  machine: Machine;
  runner: StepRunner;
}

/** Boot the machine a scenario describes, with a console shell; its steps wait in the runner. */
export function startScenario(s: Scenario, opts: { traceMaxEvents?: number } = {}): Started | { error: string } {
  try {
    const machine = machineFor(s, { interactive: true, traceMaxEvents: opts.traceMaxEvents });
    return { machine, runner: new StepRunner(machine, s.steps ?? []) };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

/**
 * When the step the runner is on will be over by itself at a known time (an `advance` step that
 * began at `startedAt`), that time; otherwise null.
 */
export function stepEndsAt(runner: StepRunner, startedAt: number): number | null {
  const step = runner.steps[runner.index];
  return step && 'advance' in step ? startedAt + parseDuration(step.advance) : null;
}

/** A one-line account of a step and its result, for the console. */
export function describeStep(step: Step, r: StepResult | undefined): { title: string; out: string; err: string; status: string } {
  let title: string;
  if ('sh' in step) title = `$ ${step.sh}`;
  else if ('requestModule' in step) title = `request_module(${JSON.stringify(step.requestModule)}${(step.args ?? []).map((a) => `, ${JSON.stringify(a)}`).join('')})${(step.threads ?? 1) > 1 ? ` x${step.threads}` : ''}`;
  else if ('callUsermodehelper' in step) title = `call_usermodehelper(${step.callUsermodehelper.path})`;
  else if ('callUsermodehelperPipe' in step) title = `call_usermodehelper_pipe(${step.callUsermodehelperPipe.path})`;
  else if ('sysctl' in step) title = Object.entries(step.sysctl).map(([k, v]) => `sysctl ${k}=${v}`).join('; ');
  else title = `advance ${step.advance}`;
  if (!r) return { title, out: '', err: '', status: '' };
  const timed = 'timedOut' in r && r.timedOut ? ' (timed out)' : '';
  if ('exitCode' in r) return { title, out: r.stdout, err: r.stderr, status: `exit ${r.exitCode}${timed}` };
  if ('rets' in r) {
    const rets = Array.isArray(r.rets) ? summarize(r.rets) : Object.entries(r.rets).map(([k, v]) => `${k}: ${v}`).join(', ');
    return { title, out: '', err: '', status: `returned ${rets}${timed}` };
  }
  if ('ret' in r) return { title, out: '', err: '', status: `returned ${r.ret}${timed}` };
  return { title, out: '', err: '', status: `${(r.advanced / 1e9).toFixed(3)} s passed` };
}

function summarize(rets: number[]): string {
  const counts = new Map<number, number>();
  for (const r of rets) counts.set(r, (counts.get(r) ?? 0) + 1);
  return [...counts].map(([v, n]) => (n > 1 ? `${v} (x${n})` : `${v}`)).join(', ');
}

/**
 * The user's state as a scenario: their kernel settings and the files they changed. A scenario
 * cannot say "this default file was removed", nor hold symlinks, empty directories or bytes that
 * are not UTF-8 text: those are listed in `skipped`.
 */
export function toScenario(name: string, description: string, kernel: HostKernelSettings, c: Changes): { scenario: Scenario; skipped: string[] } {
  const files: NonNullable<Scenario['files']> = {};
  const skipped: string[] = [...c.deleted.map((p) => `${p} (removed)`), ...Object.keys(c.links).map((p) => `${p} (symlink)`)];
  for (const [path, f] of Object.entries(c.files).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const text = bytesToUtf8(f.content);
    if (utf8ToBytes(text) !== f.content || text.length > LIMITS.fileBytes || Object.keys(files).length >= LIMITS.files) {
      skipped.push(`${path} (not text, or too large)`);
      continue;
    }
    const implied = text.startsWith('#!') ? 0o755 : 0o644;
    files[path] = f.mode === implied ? text : { content: text, mode: `0${f.mode.toString(8).padStart(3, '0')}` };
  }
  const scenario: Scenario = {
    version: 1,
    name,
    description,
    kernel: { profile: kernel.profile, arch: kernel.arch, threadsMax: kernel.threadsMax, modprobePath: kernel.modprobePath },
    files,
    steps: [],
  };
  return { scenario, skipped };
}
