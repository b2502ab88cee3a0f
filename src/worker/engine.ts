// The one Machine of the playground and everything done to it: boots and reboots (the user's
// files carried over), run control, examples, import and export. machine.worker.ts exposes it.
import { utf8ToBytes } from '../lib/bytes.ts';
import { Machine } from '../init/machine.ts';
import { programsMissed } from '../init/programs_table.ts';
import { defaultReleaseFor, errText, isIdle, kernelSettings, releaseOf, schedEvents, writeSysctl } from '../init/host_api.ts';
import { applyChanges, changedPaths, snapshotFs, userChanges } from '../init/host_fs.ts';
import type { Changes, FsSnapshot } from '../init/host_fs.ts';
import { readScenario, startScenario, toScenario } from '../init/host_scenario.ts';
import type { Scenario } from '../init/host_scenario.ts';
import type { BootInfo, BootRequest, ExampleInfo, FileChanges, KernelSettings, RunResults, Speed } from './api.ts';
import { Batcher } from './batcher.ts';
import type { BatchSource } from './batcher.ts';
import { ExampleRun } from './example_run.ts';
import { exampleTexts } from './examples.ts';
import { RunLoop } from './runloop.ts';
import { originOf, shareFrom } from './share.ts';
import type { Origin, Shared } from './share.ts';

/** How often (ms) the file tree is compared for changes while the machine runs. */
const WATCH_MS = 100;
/**
 * The trace buffer's cap for the playground's machines. The kernel's own (5 M events, ~200 MB of
 * typed columns when full) is more than a browser tab should spend; 1 M events is ~40 MB here and
 * lets the page's store (views/model.ts, 1.5 M items) hold the whole trace. Past it the kernel
 * stops recording and counts what it dropped; the views say so.
 */
export const TRACE_MAX_EVENTS = 1_000_000;

const emptyChanges = (): FileChanges => ({ files: {}, links: {}, dirs: {}, deleted: [] });
const unchanged = (c: Changes): boolean =>
  !Object.keys(c.files).length && !Object.keys(c.links).length && !Object.keys(c.dirs).length && !c.deleted.length;

/** /lib/modules/OLD/... -> /lib/modules/NEW/...: the user's modules follow a change of release. */
function remapRelease(c: Changes, from: string, to: string): Changes {
  if (from === to) return c;
  const old = `/lib/modules/${from}`;
  const fix = (p: string): string => (p === old || p.startsWith(`${old}/`) ? `/lib/modules/${to}${p.slice(old.length)}` : p);
  const mapKeys = <T>(r: Record<string, T>): Record<string, T> => Object.fromEntries(Object.entries(r).map(([p, v]) => [fix(p), v]));
  return { files: mapKeys(c.files), links: mapKeys(c.links), dirs: mapKeys(c.dirs), deleted: c.deleted.map(fix).filter((p) => p !== `/lib/modules/${to}`) };
}

export class Engine {
  /** Set by the first boot (the page boots before anything else). */
  m!: Machine;
  epoch = 0;
  private cols = 80;
  private rows = 24;
  private example: ExampleRun | null = null;
  private readonly baselines = new Map<string, FsSnapshot>();
  private watched: FsSnapshot;
  private watchedEvents = -1;
  private lastWatch = -Infinity;
  private watchTimer: ReturnType<typeof setTimeout> | null = null;
  private changed = new Set<string>();
  /** The scenario this machine was started from (share links replay it), and whether the user touched it since. */
  private origin: Origin | null = null;
  private edited = false;
  /** The trace cap of machines booted from now on (tests lower it). */
  traceMax = TRACE_MAX_EVENTS;
  /** The console was told that forks fail at threads-max (once per machine). */
  private toldThreadsMax = false;
  /** A machine booted ahead of the first boot request (prepare()), kept until that request. */
  private prepared: { key: string; m: Machine } | null = null;
  readonly batcher: Batcher;
  readonly loop: RunLoop;
  /** Set by views.ts: event breakpoints, stops at breakpoints, the views' per-frame feed. */
  readonly hooks = { watch: (): boolean => false, hitBreak: (): void => undefined, ran: (): void => undefined, adopted: (): void => undefined };

  constructor() {
    this.watched = new Map();
    this.batcher = new Batcher(() => this.source());
    this.loop = new RunLoop({
      machine: () => this.m,
      follower: () => this.example,
      ran: () => {
        this.checkLimits();
        this.batcher.schedule();
        this.hooks.ran();
      },
      watch: () => this.hooks.watch(),
      hitBreak: () => this.hooks.hitBreak(),
      crashed: (e) => {
        // A bug in the model, not in the user's programs: say so on the console and stay paused.
        const msg = e instanceof Error ? `${e.message}\n${(e.stack ?? '').split('\n').slice(1, 4).join('\n')}` : String(e);
        this.batcher.note(utf8ToBytes(`\r\n\x1b[1;31mkhelper: the simulation hit a bug and paused: ${msg.replace(/\n/g, '\r\n')}\x1b[0m\r\n`));
      },
    });
  }

  private source(): BatchSource {
    return {
      takeConsole: () => this.m.takeConsole(),
      drained: () => this.loop.kick(),
      snapshot: () => {
        this.watch();
        const changed = [...this.changed];
        this.changed.clear();
        return {
          now: this.m.now, state: this.loop.state, idle: isIdle(this.m) && !this.example?.active(), events: schedEvents(this.m),
          changed, kernel: this.settings(), example: this.example?.status() ?? null,
        };
      },
    };
  }

  /**
   * Compare the files with the last look, at most every WATCH_MS: a look skipped now is taken
   * by a batch scheduled for when it is due, so the last change is never left unreported.
   */
  private watch(): void {
    const ev = schedEvents(this.m);
    if (ev === this.watchedEvents) return;
    const wait = this.lastWatch + WATCH_MS - performance.now();
    if (wait > 0) {
      this.watchTimer ??= setTimeout(() => {
        this.watchTimer = null;
        this.batcher.schedule();
      }, wait);
      return;
    }
    this.lastWatch = performance.now();
    this.watchedEvents = ev;
    const snap = snapshotFs(this.m);
    for (const p of changedPaths(this.watched, snap)) this.changed.add(p);
    this.watched = snap;
  }

  /**
   * Say once per machine when forks start failing at threads-max: the shell's "Cannot fork" lines
   * alone do not tell which limit it hit (Linux's copy_process() fails with EAGAIN silently).
   */
  private checkLimits(): void {
    const k = this.m.k;
    if (this.toldThreadsMax || k.nrThreads < k.maxThreads) return;
    this.toldThreadsMax = true;
    this.batcher.note(utf8ToBytes(`\r\n\x1b[1;33mkhelper: ${k.nrThreads} tasks: the kernel's limit (threads-max = ${k.maxThreads}) is reached, so fork() fails `
      + 'with EAGAIN and the shell says "Cannot fork". kill -9 -1 ends every process but init and the console shell; Reset reboots.\x1b[0m\r\n'));
  }

  /** A write made through the API: report it like one made from the console, at once. */
  touched(): void {
    this.edited = true;
    this.watchedEvents = -1;
    this.lastWatch = -Infinity;
    this.batcher.schedule();
  }

  settings(): KernelSettings {
    return kernelSettings(this.m) as KernelSettings;
  }

  /** Swap in a freshly booted machine. */
  private adopt(m: Machine, example: ExampleRun | null): BootInfo {
    this.m = m;
    this.epoch++;
    this.example = example;
    this.origin = null;
    this.edited = false;
    this.toldThreadsMax = false;
    m.resize(this.cols, this.rows);
    this.watched = snapshotFs(m);
    this.watchedEvents = schedEvents(m);
    this.changed.clear();
    this.batcher.restart(this.epoch);
    this.loop.reanchor();
    this.hooks.adopted();
    this.loop.kick();
    return { epoch: this.epoch, release: releaseOf(m), kernel: this.settings(), fileErrors: [] };
  }

  boot(req: BootRequest): BootInfo {
    this.cols = req.cols;
    this.rows = req.rows;
    this.loop.speed = req.speed;
    this.loop.state = req.state;
    // A restarted worker goes on counting where the dead one stopped.
    if (req.firstEpoch !== undefined && req.firstEpoch > this.epoch + 1) this.epoch = req.firstEpoch - 1;
    return this.bootWith(req.kernel, req.changes ?? emptyChanges());
  }

  /**
   * Boot a machine with `kernel` and no changed files before anyone asks, so that a boot request
   * for exactly that finds it ready. The worker does this while the page's first request is still
   * on its way (the page reads its saved state first). A boot depends only on its kernel settings
   * and files, so the prepared machine is the one bootWith() would make: same events, same trace.
   */
  prepare(kernel: KernelSettings): void {
    if (this.epoch > 0 || this.prepared) return;
    // Booted before every program's code is in (programs_loader.ts): a boot that ran one of those
    // is not the boot a request would get, so it is not kept.
    const missed = programsMissed();
    const m = this.makeMachine(kernel).boot();
    if (programsMissed() === missed) this.prepared = { key: this.bootKey(kernel), m };
  }

  /**
   * The first boot request came before prepare()'s timer fired (the page reads its saved state
   * from <head> now, so its request can beat the worker's own start): prepare now if the request
   * is exactly that boot, instead of waiting for the other programs' code and booting anew.
   */
  prepareFor(req: BootRequest, kernel: KernelSettings): void {
    if (unchanged(req.changes ?? emptyChanges()) && this.bootKey(req.kernel) === this.bootKey(kernel)) this.prepare(kernel);
  }

  /** A boot request that the prepared machine answers (no wait for the programs' code). */
  preparedFor(req: BootRequest): boolean {
    return this.fitsPrepared(req.kernel, req.changes ?? emptyChanges());
  }

  private fitsPrepared(kernel: KernelSettings, changes: Changes): boolean {
    return this.prepared !== null && unchanged(changes) && this.prepared.key === this.bootKey(kernel);
  }

  private bootKey(kernel: KernelSettings): string {
    return JSON.stringify([kernel.profile, kernel.arch, kernel.threadsMax, kernel.modprobePath, this.traceMax]);
  }

  private makeMachine(kernel: KernelSettings): Machine {
    return new Machine({
      config: { profile: kernel.profile, arch: kernel.arch, threadsMax: kernel.threadsMax, modprobePath: kernel.modprobePath },
      interactive: true,
      traceMaxEvents: this.traceMax,
    });
  }

  private bootWith(kernel: KernelSettings, changes: Changes): BootInfo {
    const ready = this.fitsPrepared(kernel, changes) ? this.prepared : null;
    // Only the first boot may use it: later ones start from a machine nobody has seen either, but
    // the point is the first prompt, and a stale machine must not linger.
    this.prepared = null;
    if (ready) return this.adopt(ready.m, null);
    const m = this.makeMachine(kernel);
    const errors = applyChanges(m, changes);
    m.boot();
    const info = this.adopt(m, null);
    info.fileErrors = errors.map(([p, e]) => [p, errText(e)]);
    return info;
  }

  /** What the user changed against a fresh default machine of the same profile and arch. */
  userChanges(): FileChanges {
    const { profile, arch } = this.settings();
    const key = `${profile}/${arch}`;
    let base = this.baselines.get(key);
    if (!base) {
      base = snapshotFs(new Machine({ config: { profile, arch } }).boot());
      this.baselines.set(key, base);
    }
    return userChanges(this.m, base);
  }

  reset(): BootInfo {
    return this.bootWith(this.settings(), this.userChanges());
  }

  setKernel(s: KernelSettings): BootInfo | null {
    const cur = this.settings();
    this.edited = true;
    if (s.profile !== cur.profile || s.arch !== cur.arch) {
      const from = releaseOf(this.m);
      const changes = this.userChanges();
      return this.bootWith(s, remapRelease(changes, from, defaultReleaseFor(s.profile)));
    }
    if (s.threadsMax !== cur.threadsMax) writeSysctl(this.m, 'kernel.threads-max', String(s.threadsMax));
    if (s.modprobePath !== cur.modprobePath) writeSysctl(this.m, 'kernel.modprobe', s.modprobePath);
    this.batcher.schedule();
    return null;
  }

  input(bytes: string): void {
    if (!this.m) return;
    this.edited = true;
    this.m.input(bytes);
    this.loop.kick();
    this.batcher.schedule();
  }

  resize(cols: number, rows: number): void {
    this.cols = cols;
    this.rows = rows;
    if (!this.m) return;
    this.m.resize(cols, rows);
    this.loop.kick();
    this.batcher.schedule();
  }

  control(what: 'run' | 'pause' | 'step'): void {
    if (what === 'run') this.loop.run();
    else if (what === 'pause') this.loop.pause();
    else this.loop.step();
    this.batcher.schedule();
  }

  setSpeed(speed: Speed): void {
    this.loop.setSpeed(speed);
    this.batcher.schedule();
  }

  examples(): ExampleInfo[] {
    return exampleTexts().map(({ id, text }) => {
      const r = readScenario(text);
      if (!r.ok) return { id, name: id, description: `This example cannot be read: ${r.error}`, profile: '2.6.20', steps: 0 };
      const s = r.scenario;
      return { id, name: s.name ?? id, description: s.description ?? '', profile: s.kernel?.profile ?? '2.6.20', steps: s.steps?.length ?? 0 };
    });
  }

  loadExample(id: string): BootInfo | { error: string } {
    const found = exampleTexts().find((e) => e.id === id);
    if (!found) return { error: `no example named "${id}"` };
    return this.importScenario(found.text, id);
  }

  importScenario(text: string, id = 'import'): BootInfo | { error: string } {
    const r = readScenario(text);
    if (!r.ok) return { error: r.error };
    return this.startScenario(r.scenario, id);
  }

  private startScenario(s: Scenario, id: string): BootInfo | { error: string } {
    const started = startScenario(s, { traceMaxEvents: this.traceMax });
    if ('error' in started) return started;
    const { machine, runner } = started;
    // The machine's boot output (the prompt) goes first; the example's notes follow it.
    const info = this.adopt(machine, null);
    this.origin = originOf(s, machine);
    if (runner.steps.length) this.example = new ExampleRun(id, s.name ?? id, machine, runner, (b) => this.batcher.note(b));
    this.loop.kick();
    return info;
  }

  /** The state for a share link (share.ts). */
  share(view?: Record<string, unknown>): Shared {
    return shareFrom(this.m, this.origin, this.edited, this.settings(), () => this.userChanges(), view);
  }

  /** The running scenario's finished steps (null when none was started on this machine). */
  results(): RunResults | null {
    const ex = this.example;
    if (!ex) return null;
    const st = ex.status();
    return { id: st.id, name: st.name, steps: st.steps, finished: st.finished, outcomes: ex.outcomes(), modules: [...this.m.k.modules.list].reverse().map((x) => x.name) };
  }

  exportScenario(name: string): string {
    const { scenario, skipped } = toScenario(name, '', this.settings(), this.userChanges());
    const note = skipped.length ? `\n\nNot included (a scenario cannot hold them): ${skipped.join(', ')}.` : '';
    scenario.description = `The state of a khelper playground: its kernel settings and the files changed from the default system.${note}`;
    return `${JSON.stringify(scenario, null, 2)}\n`;
  }
}
