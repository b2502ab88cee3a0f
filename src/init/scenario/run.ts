// Run a whole scenario headlessly: boot the machine it describes, run its steps, and collect the
// result of scenario-format.md (steps, dmesg, modules, trace).
import { utf8ToBytes, bytesToUtf8 } from '../../lib/bytes.ts';
import type { TraceEvent } from '../../uapi/trace.ts';
import type { KernelConfig } from '../../kernel/profile.ts';
import { Machine } from '../machine.ts';
import type { FileSpec } from '../rootfs.ts';
import { StepRunner } from '../steps.ts';
import type { StepResult } from '../steps.ts';
import type { Scenario } from './parse.ts';
import { ScenarioError } from './errors.ts';
import { strerror } from '../../uapi/errno.ts';

export interface DmesgLine {
  t: number;
  level: number;
  text: string;
}

export interface ScenarioResult {
  steps: StepResult[];
  dmesg: DmesgLine[];
  modules: string[];
  trace: TraceEvent[];
}

export function scenarioFiles(s: Scenario): Record<string, FileSpec> {
  const out: Record<string, FileSpec> = {};
  for (const [path, f] of Object.entries(s.files ?? {})) {
    const content = typeof f === 'string' ? f : f.content;
    const mode = typeof f === 'string' || f.mode === undefined ? (content.startsWith('#!') ? 0o755 : 0o644) : parseInt(f.mode, 8);
    out[path] = { content: utf8ToBytes(content), mode };
  }
  return out;
}

export function kernelConfig(s: Scenario): Partial<KernelConfig> {
  const k = s.kernel ?? {};
  const c: Partial<KernelConfig> = {};
  for (const key of Object.keys(k) as (keyof typeof k)[]) {
    if (k[key] !== undefined) (c as Record<string, unknown>)[key] = k[key];
  }
  return c;
}

/** Build and boot the machine a scenario describes (files that cannot be written are an error). */
export function machineFor(s: Scenario, opts: { interactive?: boolean; traceMaxEvents?: number } = {}): Machine {
  const m = new Machine({
    config: kernelConfig(s), rootfs: s.rootfs ?? 'default', files: scenarioFiles(s), loaded: s.loaded, interactive: opts.interactive,
    traceMaxEvents: opts.traceMaxEvents,
  });
  if (m.fileErrors.length) {
    const [path, err] = m.fileErrors[0];
    throw new ScenarioError(`files["${path}"]`, `cannot be created: ${strerror(-err)}`);
  }
  return m.boot();
}

export function runScenario(s: Scenario): ScenarioResult {
  const m = machineFor(s);
  const steps = new StepRunner(m, s.steps ?? []).runAll();
  return collect(m, steps);
}

export function collect(m: Machine, steps: StepResult[]): ScenarioResult {
  const k = m.k;
  return {
    steps,
    dmesg: k.printk.records.map((r) => ({ t: r.t, level: r.level, text: bytesToUtf8(r.text) })),
    modules: [...k.modules.list].reverse().map((mod) => mod.name),
    trace: k.trace.slice(),
  };
}
