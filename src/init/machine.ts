// The Machine facade: the one object hosts (the worker, the CLI, tests) drive. It builds a kernel
// for a profile, lays out the root filesystem, boots to an idle /sbin/init, and then runs in
// slices of virtual time or events. Input reaches the console tty; output comes back as bytes.
import { Kernel } from '../kernel/kernel.ts';
import type { KernelConfig } from '../kernel/profile.ts';
import type { RunLimits, StopReason } from '../kernel/sched.ts';
import { preloadModule } from '../kernel/module.ts';
import { kList, kReadFile } from '../kernel/vfs_api.ts';
import { parseKo } from '../lib/ko.ts';
import { programs } from './programs_table.ts';
import type { Program } from '../uapi/syscalls.ts';
import { layBase, layDefault, layFiles } from './rootfs.ts';
import type { FileSpec } from './rootfs.ts';
import { registerNativeModules } from './native_modules.ts';
import { depmodAtBoot } from './depmod_boot.ts';

export interface MachineOptions {
  config?: Partial<KernelConfig>;
  rootfs?: 'default' | 'minimal';
  files?: Record<string, FileSpec>;
  /** Modules live at boot, oldest first (not traced). */
  loaded?: string[];
  /** A login shell on the console (the playground); headless runs have none. */
  interactive?: boolean;
  /** Extra programs (tests). */
  programs?: Record<string, Program>;
  /** The trace buffer's cap in events (the kernel's default is 5,000,000, ~200 MB when full). */
  traceMaxEvents?: number;
}

export class Machine {
  readonly k: Kernel;
  private console = '';
  private tail = '';
  readonly fileErrors: [string, number][];

  constructor(readonly opts: MachineOptions = {}) {
    const registry = new Map<string, Program>(Object.entries({ ...programs, ...(opts.programs ?? {}) }));
    const cmdline = `${opts.config?.cmdline ?? 'BOOT_IMAGE=/boot/vmlinuz root=/dev/ram0 ro quiet'}${opts.interactive ? ' khelper.console=1' : ''}`;
    this.k = new Kernel({ ...opts.config, cmdline, traceMaxEvents: opts.traceMaxEvents ?? opts.config?.traceMaxEvents }, registry);
    this.k.host.console = (bytes) => { this.console += bytes; };
    registerNativeModules(this.k);
    layBase(this.k);
    if ((opts.rootfs ?? 'default') === 'default') layDefault(this.k);
    this.fileErrors = layFiles(this.k, opts.files ?? {});
    depmodAtBoot(this.k);
  }

  /** Boot to the point where init (and the console shell) wait: the trace starts after this. */
  boot(): this {
    const k = this.k;
    k.trace.enabled = false;
    k.boot('/sbin/init');
    k.sched.run({ maxEvents: 2_000_000, until: k.sched.now + 10e9 });
    for (const name of this.opts.loaded ?? []) this.preload(name);
    k.trace.enabled = true;
    return this;
  }

  /** Make a module live as if it had been loaded at boot. */
  private preload(name: string): void {
    const k = this.k;
    const norm = name.replace(/-/g, '_');
    if (k.modules.find(norm)) return;
    const path = findModuleFile(this, norm);
    const data = path ? kReadFile(k, path) : '';
    const parsed = typeof data === 'string' ? parseKo(data) : null;
    const image = parsed && parsed.ok ? parsed.image : { name: null, info: [], init: [], exit: [], native: null };
    preloadModule(k, norm, image);
  }

  run(limits: RunLimits = {}): StopReason {
    return this.k.sched.run(limits);
  }

  /**
   * Run with no host reading the console (the CLI, tests): the console is drained between slices
   * of `slice` events, keeping its last `keep` bytes, so writers to it never wait for a reader.
   */
  runDrained(limits: RunLimits = {}, slice = 200_000, keep = 1 << 16): StopReason {
    let left = limits.maxEvents ?? Infinity;
    for (;;) {
      const n = Math.min(slice, left);
      const stop = this.k.sched.run({ ...limits, maxEvents: n });
      left -= n;
      this.tail = (this.tail + this.takeConsole()).slice(-keep);
      if (stop !== 'budget' || left <= 0) return stop;
    }
  }

  /** The console's last bytes when it ran drained (runDrained). */
  consoleTail(): string {
    return this.tail;
  }

  get now(): number {
    return this.k.sched.now;
  }

  /** Keyboard input (bytes) for the console. */
  input(bytes: string): void {
    this.k.console?.input(bytes);
  }

  resize(cols: number, rows: number): void {
    this.k.console?.resize({ cols, rows });
  }

  /** Console bytes written since the last call. */
  takeConsole(): string {
    const s = this.console + (this.k.console?.takeHost() ?? '');
    this.console = '';
    return s;
  }
}

/** /lib/modules/<release>/**\/NAME.ko with '-' and '_' equivalent. */
export function findModuleFile(m: Machine, name: string): string | null {
  const k = m.k;
  const stack = [`/lib/modules/${k.config.release}`];
  while (stack.length) {
    const dir = stack.pop()!;
    const entries = kList(k, dir);
    if (typeof entries === 'number') continue;
    for (const e of entries) {
      if ((e.mode & 0o170000) === 0o040000) stack.push(e.path);
      else if (e.name.endsWith('.ko') && e.name.slice(0, e.name.indexOf('.')).replace(/-/g, '_') === name) return e.path;
    }
  }
  return null;
}
