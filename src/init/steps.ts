// Running a scenario's steps on a booted machine. Each step starts its threads or process at one
// virtual instant and is finished when they are done and every task they started (tracked by a
// tag inherited through fork and work items) has gone; then the next step begins.
import { vsprintf } from '../lib/vsprintf.ts';
import { utf8ToBytes, bytesToUtf8 } from '../lib/bytes.ts';
import { shellStatus } from '../uapi/wait.ts';
import { CLONE_FILES, CLONE_FS } from '../uapi/sched.ts';
import { SIGCHLD } from '../uapi/signal.ts';
import { EV } from '../kernel/trace.ts';
import { requestModuleAny, callUsermodehelperAny } from '../kernel/autoload.ts';
import { spawnKernelThread } from '../kernel/host.ts';
import type { Kernel } from '../kernel/kernel.ts';
import type { KGen } from '../kernel/task.ts';
import { parseDuration } from './duration.ts';
import type { Machine } from './machine.ts';
import { DEFAULT_ENV, startProcess } from './run.ts';
import type { ProcessRun } from './run.ts';
import { umhPipe } from './umh_pipe.ts';

export type Step =
  | { sh: string }
  | { requestModule: string; args?: (string | number)[]; threads?: number; wait?: boolean }
  | { callUsermodehelper: { path: string; argv?: string[]; envp?: string[]; wait?: number } }
  | { callUsermodehelperPipe: { path: string; argv?: string[]; envp?: string[]; input?: string } }
  | { sysctl: Record<string, string> }
  | { advance: string };

export type StepResult =
  | { exitCode: number; stdout: string; stderr: string; timedOut?: boolean }
  | { rets: number[]; timedOut?: boolean }
  | { ret: number; timedOut?: boolean }
  | { rets: Record<string, number> }
  | { advanced: number };

/** A step in flight: done() says when its own work is over; result() reads it then. */
interface Running {
  tag: number;
  /** For an advance step: the virtual time at which it is over. */
  until?: number;
  done(): boolean;
  result(timedOut: boolean): StepResult;
}

export const STEP_TIMEOUT_NS = 600e9;

function startStep(m: Machine, step: Step, tag: number): Running {
  const k = m.k;
  if ('sh' in step) {
    const run: ProcessRun = startProcess(k, { path: '/bin/sh', argv: ['sh', '-c', utf8ToBytes(step.sh)], envp: DEFAULT_ENV, cwd: '/root', tag });
    return {
      tag, done: () => run.finished,
      result: (timedOut) => ({ exitCode: run.finished ? shellStatus(run.status) : -1, stdout: bytesToUtf8(run.stdout.data), stderr: bytesToUtf8(run.stderr.data), ...(timedOut ? { timedOut } : {}) }),
    };
  }
  if ('requestModule' in step) {
    const n = step.threads ?? 1;
    const name = vsprintf(step.requestModule, step.args ?? []);
    const wait = step.wait ?? true;
    const req: Requests = { name, wait, rets: new Array<number>(n).fill(0), left: n };
    for (let i = 0; i < n; i++) {
      const err = spawnTagged(k, `reqmod-${i}`, tag, (kk) => requestThread(kk, req, i));
      if (err) {
        // The caller thread could not even start: its result is the fork error.
        req.rets[i] = err;
        req.left--;
      }
    }
    return { tag, done: () => req.left === 0, result: (timedOut) => ({ rets: req.rets.slice(), ...(timedOut ? { timedOut } : {}) }) };
  }
  if ('callUsermodehelper' in step) {
    const c = step.callUsermodehelper;
    let ret: number | null = null;
    const err = spawnTagged(k, 'umh-caller', tag, function* (kk) {
      ret = yield* callUsermodehelperAny(kk, c.path, c.argv ?? [c.path], c.envp ?? ['HOME=/', 'PATH=/sbin:/bin:/usr/sbin:/usr/bin'], c.wait ?? 1);
      return 0;
    });
    if (err) ret = err;
    return { tag, done: () => ret !== null, result: (timedOut) => ({ ret: ret ?? 0, ...(timedOut ? { timedOut } : {}) }) };
  }
  if ('callUsermodehelperPipe' in step) {
    const c = step.callUsermodehelperPipe;
    let ret: number | null = null;
    const err = spawnTagged(k, 'umh-caller', tag, function* (kk) {
      ret = yield* umhPipe(kk, c.path, c.argv ?? [], c.envp ?? [], utf8ToBytes(c.input ?? ''));
      return 0;
    });
    if (err) ret = err;
    return { tag, done: () => ret !== null, result: (timedOut) => ({ ret: ret ?? 0, ...(timedOut ? { timedOut } : {}) }) };
  }
  if ('sysctl' in step) {
    const rets: Record<string, number> = {};
    for (const [key, v] of Object.entries(step.sysctl)) {
      const r = k.sysctl.writeKey(k, key, v);
      rets[key] = r < 0 ? r : 0;
    }
    return { tag, done: () => true, result: () => ({ rets }) };
  }
  const ns = parseDuration(step.advance);
  const until = k.sched.now + ns;
  return { tag, until, done: () => k.sched.now >= until, result: () => ({ advanced: ns }) };
}

/** A requestModule step's threads and their results. */
interface Requests {
  name: string;
  wait: boolean;
  rets: number[];
  /** Threads still waiting for request_module() to return: done() is asked after every scheduler event, so a counter, not a scan. */
  left: number;
}

/** One requesting thread (a module-level generator: a closure per thread would cost a hidden class each). */
function* requestThread(k: Kernel, req: Requests, i: number): KGen<number> {
  req.rets[i] = yield* requestModuleAny(k, req.name, req.wait);
  req.left--;
  return 0;
}

/**
 * A kernel thread for a step, created the way kthread_run() creates them in each profile:
 * 0, or -errno when it cannot be created (pids run out: kthread_run() fails so).
 */
function spawnTagged(k: Kernel, comm: string, tag: number, body: (k: Kernel) => KGen<number>): number {
  const parent = k.kthreadd ?? k.kthreadWorker ?? k.initTask;
  const t = spawnKernelThread(k, comm, body, parent, tag, CLONE_FS | CLONE_FILES | SIGCHLD);
  return typeof t === 'number' ? t : 0;
}

export class StepRunner {
  readonly results: StepResult[] = [];
  private running: Running | null = null;
  private deadline = 0;
  index = 0;

  constructor(private readonly m: Machine, readonly steps: Step[]) {}

  get finished(): boolean {
    return this.index >= this.steps.length && !this.running;
  }

  /** Start the next step if none runs; finish the current one when it and its tasks are done. */
  poll(): void {
    const k = this.m.k;
    for (;;) {
      if (this.running) {
        const r = this.running;
        const over = r.done() && !k.tagCount.get(r.tag);
        const timedOut = !over && k.sched.now >= this.deadline;
        if (!over && !timedOut) return;
        this.results.push(r.result(timedOut));
        this.running = null;
        this.index++;
      }
      if (this.index >= this.steps.length) return;
      const step = this.steps[this.index];
      const tr = k.trace;
      const kind = Object.keys(step)[0];
      if (tr.begin(EV.step, k.sched.now, { pid: 0, comm: 'scenario' })) tr.i(this.index).s(kind);
      this.deadline = k.sched.now + STEP_TIMEOUT_NS;
      this.running = startStep(this.m, step, this.index + 1);
    }
  }

  /** When the host should stop running to poll again (the advance step's end, a deadline). */
  nextDeadline(): number {
    return this.running ? this.deadline : Infinity;
  }

  /** Run every step to its end (headless). */
  runAll(maxEvents = 200_000_000): StepResult[] {
    const m = this.m;
    this.poll();
    while (!this.finished) {
      const running = this.running!;
      const until = running.until ?? this.deadline;
      const stop = m.runDrained({ until, maxEvents, stopWhen: () => running.done() && !m.k.tagCount.get(running.tag) });
      if (stop === 'idle' && !(running.done() && !m.k.tagCount.get(running.tag))) {
        // Nothing can run and nothing is scheduled: the step can never finish (a hung helper with
        // no timer). Virtual time jumps to the step's deadline, where it times out.
        m.k.sched.now = Math.max(m.k.sched.now, running.until ?? this.deadline);
      }
      if (stop === 'halt') break;
      this.poll();
    }
    return this.results;
  }
}
