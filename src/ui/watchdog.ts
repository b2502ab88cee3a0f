// The engine's worker under a watchdog. The page talks to the engine through `api`, a stand-in
// that forwards each call to the current worker. Every pingMs a heartbeat goes out, which the
// worker answers between two run slices; one left unanswered for hangMs means the worker is stuck
// inside a single slice (an engine bug: a program that never gives the CPU back, see
// docs/reliability.md). The worker is then terminated, a new one starts, and the machine boots
// again with the user's files (the last userChanges() the page saw), kernel settings, console
// size, speed and run state. Calls that waited on the dead worker fail with EngineRestarted.
//
// A machine that freezes while booting with the user's files (a login script that loops), or
// again soon after such a reboot with no key typed, boots once more without them: the page then
// stops saving, so the saved files stay as they were. If that freezes too, the watchdog gives up.
import * as Comlink from 'comlink';
import type { Remote } from 'comlink';
import type { Batch, BatchListener, BootInfo, BootRequest, FileChanges, KernelSettings, MachineApi, RunState, Speed } from '../worker/api.ts';

export interface WatchdogOptions {
  /** Heartbeat period (ms). */
  pingMs: number;
  /** A heartbeat unanswered this long (ms) means the worker hangs. */
  hangMs: number;
}

export const DEFAULT_WATCHDOG: WatchdogOptions = { pingMs: 1000, hangMs: 10_000 };
/** Calls that keep a healthy worker busy for long (the whole trace as JSON) get a longer deadline. */
const LONG_CALLS = new Set(['exportTrace']);
const LONG_HANG_MS = 60_000;
/** Calls that boot a machine: a hang while one is in flight is a boot that froze. */
const BOOT_CALLS = new Set(['boot', 'reset', 'setKernel', 'loadExample', 'importScenario']);
/** A reboot has proven itself after this long (ms), or once a key was typed. */
const STABLE_MS = 15_000;
/** The copy of the user's files is read again when the machine changed them and it is this old (ms). */
const REFRESH_MS = 2_000;

export class EngineRestarted extends Error {
  constructor() {
    super('the engine was restarted');
    this.name = 'EngineRestarted';
  }
}

export interface Restart {
  /** How long (ms) the worker had not answered. */
  silentMs: number;
  /** Booted without the user's files: it froze while booting with them. */
  withoutFiles: boolean;
  /** Changed paths laid over the new machine. */
  files: number;
  /** How old (ms) that copy of the files is (Infinity: none was read; the boot's own). */
  filesAgeMs: number;
}

export interface WatchdogEvents {
  /** The worker was found stuck and is being replaced; the new machine boots. */
  restarting: (r: Restart) => void;
  restarted: (r: Restart, info: BootInfo) => void;
  /** It froze again without the user's files: no more restarts. */
  gaveUp: (silentMs: number) => void;
}

type Method = (...a: unknown[]) => Promise<unknown>;
const emptyChanges = (): FileChanges => ({ files: {}, links: {}, dirs: {}, deleted: [] });
const countChanges = (c: FileChanges): number =>
  Object.keys(c.files).length + Object.keys(c.links).length + Object.keys(c.dirs).length + c.deleted.length;

export class Watchdog {
  readonly api: Remote<MachineApi>;
  private worker!: Worker;
  private remote!: Remote<MachineApi>;
  /** Bumped per worker: answers from an older one are ignored. */
  private gen = 0;
  private readonly waiting = new Set<(e: Error) => void>();
  private booting = 0;
  private long = 0;
  private batchListener: BatchListener | null = null;
  /** Views subscriptions and breakpoints, sent again to a new worker. */
  private readonly sticky = new Map<string, unknown[]>();
  private kernel: KernelSettings | null = null;
  private changes = emptyChanges();
  private changesAt = -Infinity;
  private dirty = true;
  private refreshing = false;
  /** After a boot without the user's files, their last copy is kept as it was. */
  private keepFiles = false;
  private cols = 80;
  private rows = 24;
  private speed: Speed = 1;
  private state: RunState = 'running';
  private epoch = 0;
  private ping: { n: number; sent: number } | null = null;
  private seq = 0;
  private lastTick: number;
  private last: { at: number; withoutFiles: boolean; typed: boolean } | null = null;
  private dead = false;
  /** The boot of the latest restart. */
  private reboot: Promise<BootInfo> | null = null;
  private readonly listeners: { [K in keyof WatchdogEvents]: WatchdogEvents[K][] } = { restarting: [], restarted: [], gaveUp: [] };

  constructor(private readonly makeWorker: () => Worker, private readonly o: WatchdogOptions, private readonly problem: (msg: string) => void) {
    this.api = new Proxy({}, {
      // Not a thenable: `await api` must not call the worker.
      get: (_t, prop) => (typeof prop === 'string' && prop !== 'then' ? (...a: unknown[]) => this.call(prop, a) : undefined),
    }) as Remote<MachineApi>;
    this.start();
    this.lastTick = performance.now();
    setInterval(() => this.tick(), o.pingMs);
  }

  on<K extends keyof WatchdogEvents>(ev: K, fn: WatchdogEvents[K]): void {
    this.listeners[ev].push(fn);
  }

  /** After a call failed with EngineRestarted: the machine that replaced it, once it booted. */
  async nextBoot(): Promise<BootInfo> {
    for (;;) {
      if (this.dead || !this.reboot) throw new Error('the engine stopped answering and could not be restarted');
      const reboot = this.reboot;
      try {
        return await reboot;
      } catch (e) {
        // That reboot froze too: the next one (or giving up) has replaced it.
        if (!(e instanceof EngineRestarted) || (this.reboot === reboot && !this.dead)) throw e;
      }
    }
  }

  private start(): void {
    const w = this.makeWorker();
    w.addEventListener('error', (e) => this.problem(`The engine stopped: ${e.message || 'worker error'}. Reload the page to start again.`));
    this.worker = w;
    this.remote = Comlink.wrap<MachineApi>(w);
    if (this.batchListener) void this.remote.subscribe(this.batchProxy());
    for (const [name, args] of this.sticky) void (this.remote as unknown as Record<string, Method>)[name](...args);
  }

  /** The page's batch listener behind one that keeps what a reboot needs (settings, run state, epoch). */
  private batchProxy(): BatchListener {
    return Comlink.proxy((b: Batch) => {
      this.epoch = Math.max(this.epoch, b.epoch);
      this.kernel = b.kernel;
      this.state = b.state;
      if (b.changed.length) this.dirty = true;
      return this.batchListener?.(b);
    });
  }

  private call(name: string, args: unknown[]): Promise<unknown> {
    if (this.dead) return Promise.reject(new EngineRestarted());
    if (name === 'subscribe') {
      this.batchListener = args[0] as BatchListener;
      args = [this.batchProxy()];
    }
    this.observe(name, args);
    const gen = this.gen;
    const boot = BOOT_CALLS.has(name), long = LONG_CALLS.has(name);
    if (boot) this.booting++;
    if (long) this.long++;
    return new Promise((resolve, reject) => {
      this.waiting.add(reject);
      const settled = (): boolean => {
        this.waiting.delete(reject);
        if (gen !== this.gen) return false;
        if (boot) this.booting--;
        if (long) this.long--;
        return true;
      };
      (this.remote as unknown as Record<string, Method>)[name](...args).then((v) => {
        if (settled()) this.seen(name, v);
        resolve(v);
      }, (e: unknown) => {
        settled();
        reject(e);
      });
    });
  }

  /** What a call says about the state a reboot must restore. */
  private observe(name: string, args: unknown[]): void {
    if (name === 'boot') {
      const r = args[0] as BootRequest;
      this.kernel = r.kernel;
      if (!this.keepFiles) this.changes = r.changes ?? emptyChanges();
      [this.cols, this.rows, this.speed, this.state] = [r.cols, r.rows, r.speed, r.state];
    } else if (name === 'resize') {
      [this.cols, this.rows] = args as [number, number];
    } else if (name === 'setSpeed') {
      this.speed = args[0] as Speed;
    } else if (name === 'run' || name === 'pause' || name === 'step') {
      this.state = name === 'run' ? 'running' : 'paused';
    } else if (name === 'input') {
      if (this.last) this.last.typed = true;
    } else if (['viewsSubscribe', 'viewsWantTasks', 'setLineBreakpoints', 'setEventBreakpoints'].includes(name)) {
      this.sticky.set(name, args);
    }
  }

  private seen(name: string, v: unknown): void {
    if (name === 'userChanges' && !this.keepFiles) {
      this.changes = v as FileChanges;
      this.changesAt = performance.now();
      this.dirty = false;
    } else if (BOOT_CALLS.has(name) && v && typeof v === 'object' && 'epoch' in v) {
      const info = v as BootInfo;
      this.epoch = Math.max(this.epoch, info.epoch);
      this.kernel = info.kernel;
      this.dirty = true;
    }
  }

  private tick(): void {
    if (this.dead) return;
    const now = performance.now();
    // The page itself was asleep (a hidden tab's timers, a suspended laptop): a fresh deadline.
    const slept = now - this.lastTick > 3 * this.o.pingMs;
    this.lastTick = now;
    if (this.ping) {
      if (slept) this.ping.sent = now;
      const silent = now - this.ping.sent;
      if (silent > (this.long ? Math.max(LONG_HANG_MS, this.o.hangMs) : this.o.hangMs)) void this.restart(silent);
      return;
    }
    const n = ++this.seq, gen = this.gen;
    this.ping = { n, sent: now };
    this.remote.ping(n).then(() => {
      if (gen === this.gen && this.ping?.n === n) this.ping = null;
    }, () => undefined);
    // The machine changed files since the last copy: read them again (autosave usually has).
    if (this.dirty && !this.refreshing && !this.keepFiles && now - this.changesAt > REFRESH_MS) {
      this.refreshing = true;
      this.api.userChanges().catch(() => undefined).finally(() => void (this.refreshing = false));
    }
  }

  private async restart(silentMs: number): Promise<void> {
    const now = performance.now();
    const last = this.last;
    // The boot itself froze, or the machine froze again soon after a reboot with nothing typed:
    // what it boots with (a login script among the user's files) freezes it.
    const bootFroze = this.booting > 0 || (last !== null && !last.typed && now - last.at < STABLE_MS);
    this.gen++;
    this.worker.terminate();
    for (const reject of this.waiting) reject(new EngineRestarted());
    this.waiting.clear();
    [this.booting, this.long, this.ping, this.refreshing] = [0, 0, null, false];
    if (bootFroze && last?.withoutFiles) {
      this.dead = true;
      for (const f of this.listeners.gaveUp) f(silentMs);
      return;
    }
    const withoutFiles = bootFroze || this.keepFiles;
    if (withoutFiles) this.keepFiles = true;
    const changes = withoutFiles ? emptyChanges() : this.changes;
    const r: Restart = { silentMs, withoutFiles, files: countChanges(changes), filesAgeMs: now - this.changesAt };
    this.last = { at: now, withoutFiles, typed: false };
    for (const f of this.listeners.restarting) f(r);
    this.start();
    const req: BootRequest = {
      kernel: this.kernel ?? { profile: '2.6.20', arch: 'x86_64', threadsMax: 2048, modprobePath: '/sbin/modprobe' },
      changes, cols: this.cols, rows: this.rows, speed: this.speed, state: this.state, firstEpoch: this.epoch + 1,
    };
    try {
      this.reboot = this.api.boot(req);
      const info = await this.reboot;
      this.last.at = performance.now();
      for (const f of this.listeners.restarted) f(r, info);
    } catch (e) {
      if (!(e instanceof EngineRestarted)) this.problem(`The engine could not restart: ${(e as Error).message}. Reload the page to start again.`);
    }
  }
}
