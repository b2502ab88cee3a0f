// Side by side: one scenario run on two kernel profiles at once (two Machines), in slices the host
// bounds, then compared: step results, dmesg, and the traces reduced to what does not depend on
// pids or timing (requests, helpers, execs, exits, printks...), aligned step by step.
import { bytesToUtf8 } from '../lib/bytes.ts';
import type { TraceEvent } from '../uapi/trace.ts';
import type { ProfileName } from '../kernel/profile.ts';
import { EV } from '../kernel/trace.ts';
import { describeStep, stepEndsAt } from './host_scenario.ts';
import type { Scenario } from './host_scenario.ts';
import type { Machine } from './machine.ts';
import { machineFor } from './scenario/run.ts';
import { StepRunner } from './steps.ts';

export interface SideResult {
  profile: string;
  release: string;
  steps: { title: string; out: string; err: string; status: string }[];
  dmesg: { t: number; level: number; text: string }[];
  events: number;
  /** Virtual time at the end, ns. */
  now: number;
}

export interface SigRow {
  sig: string;
  left: number;
  right: number;
}

export interface StepCompare {
  title: string;
  /** Every signature of the step with its count on each side, in order of first appearance. */
  rows: SigRow[];
  /** The first place where the two ordered signature lists part, with a few around it. */
  divergence: { at: number; left: string[]; right: string[] } | null;
}

export interface Comparison {
  name: string;
  sides: [SideResult, SideResult];
  steps: StepCompare[];
}

/** One scenario on one machine, advanced in slices: the same order of work as StepRunner.runAll. */
export class SlicedRun {
  readonly m: Machine;
  readonly runner: StepRunner;
  private index = -1;
  private startedAt = 0;

  constructor(s: Scenario, readonly profile: ProfileName) {
    const kernel = { ...(s.kernel ?? {}), profile };
    delete kernel.release;
    this.m = machineFor({ ...s, kernel });
    this.runner = new StepRunner(this.m, s.steps ?? []);
  }

  get finished(): boolean {
    return this.runner.finished;
  }

  /** Run until the scenario is over or `late()` says the slice is used up. */
  advance(late: () => boolean): void {
    const r = this.runner, m = this.m;
    r.poll();
    let n = 0;
    while (!r.finished) {
      if (r.index !== this.index) {
        this.index = r.index;
        this.startedAt = m.now;
      }
      const until = stepEndsAt(r, this.startedAt) ?? r.nextDeadline();
      const before = r.results.length;
      let out = false;
      const stop = m.run({
        until, stopWhen: () => {
          if ((++n & 255) === 0 && late()) {
            out = true;
            return true;
          }
          r.poll();
          return r.results.length !== before || r.finished;
        },
      });
      if (stop === 'halt') return;
      if (stop === 'idle') {
        // Nothing can run and nothing is armed: the step can never finish by itself, so time
        // jumps to its end or deadline, where it times out (as StepRunner.runAll does).
        r.poll();
        if (r.results.length === before && !r.finished && Number.isFinite(until)) m.k.sched.now = Math.max(m.k.sched.now, until);
      }
      r.poll();
      if (out || late()) return;
    }
  }

  result(): SideResult {
    const k = this.m.k;
    return {
      profile: k.config.profile,
      release: k.config.release,
      steps: this.runner.steps.map((s, i) => {
        const d = describeStep(s, this.runner.results[i]);
        return { title: d.title, out: d.out, err: d.err, status: d.status };
      }),
      dmesg: k.printk.records.map((r) => ({ t: r.t, level: r.level, text: bytesToUtf8(r.text) })),
      events: k.trace.length,
      now: k.sched.now,
    };
  }
}

const base = (p: unknown): string => {
  const s = String(p);
  return s.slice(s.lastIndexOf('/') + 1);
};

/** What an event says, without pids, times or kworker numbers; null for scheduler noise. */
export function signature(e: TraceEvent): string | null {
  switch (e.event) {
    case 'module_request': return `request_module("${e.name}")`;
    case 'module_request_ret': return `request_module("${e.name}") = ${e.ret}`;
    case 'umh_call': return `call_usermodehelper(${e.path}, wait=${e.wait})`;
    case 'umh_ret': return `call_usermodehelper(${e.path}) = ${e.ret}`;
    case 'workqueue_queue_work': return `queue_work(${e.workqueue}, ${e.function})`;
    case 'sched_process_exec': return `execve(${e.filename}) = ${e.ret}`;
    case 'sched_process_exit': return `exit ${base(e.comm)} status=${e.status}`;
    case 'sched_process_wait': return `wait4 status=${e.status}`;
    case 'sem_down': return `down(${e.name}) = ${e.ret}`;
    case 'printk': return `printk <${e.level}> ${e.msg}`;
    case 'module_load': return `module_load ${e.name}`;
    case 'module_init_ret': return `module init ${e.name} = ${e.ret}`;
    case 'module_free': return `module_free ${e.name}`;
    case 'coredump': return `coredump sig=${e.sig} = ${e.ret}`;
    default: return null;
  }
}

/** Signatures per scenario step (events before the first step go to step -1, dropped). */
function perStep(m: Machine, steps: number): string[][] {
  const tr = m.k.trace;
  const out: string[][] = Array.from({ length: steps }, () => []);
  let step = -1;
  for (let i = 0; i < tr.length; i++) {
    const type = tr.typeAt(i);
    if (type === EV.step) {
      step = tr.argAt(i, 0);
      continue;
    }
    if (step < 0 || step >= steps) continue;
    const sig = signature(tr.get(i));
    if (sig !== null) out[step].push(sig);
  }
  return out;
}

function countRows(a: string[], b: string[]): SigRow[] {
  const rows = new Map<string, SigRow>();
  const add = (list: string[], side: 'left' | 'right'): void => {
    for (const sig of list) {
      let r = rows.get(sig);
      if (!r) rows.set(sig, (r = { sig, left: 0, right: 0 }));
      r[side]++;
    }
  };
  add(a, 'left');
  add(b, 'right');
  return [...rows.values()];
}

function divergence(a: string[], b: string[], context = 4): StepCompare['divergence'] {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (i === a.length && i === b.length) return null;
  const from = Math.max(0, i - context);
  return { at: i, left: a.slice(from, i + context * 2), right: b.slice(from, i + context * 2) };
}

export function compareRuns(name: string, left: SlicedRun, right: SlicedRun): Comparison {
  const n = left.runner.steps.length;
  const a = perStep(left.m, n), b = perStep(right.m, n);
  const l = left.result(), r = right.result();
  return {
    name,
    sides: [l, r],
    steps: l.steps.map((s, i) => ({ title: s.title, rows: countRows(a[i], b[i]), divergence: divergence(a[i], b[i]) })),
  };
}
