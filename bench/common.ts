// Shared pieces of the benchmark cases: booting machines, wall and CPU clocks, memory probes,
// syscall counting, and the one-line JSON protocol each case process prints for bench/run.js.
import { readFileSync, writeFileSync } from 'node:fs';
import { Machine } from '../src/init/machine.ts';
import type { MachineOptions } from '../src/init/machine.ts';
import { requestModuleAny } from '../src/kernel/autoload.ts';
import { fastCalls, slowCalls } from '../src/kernel/entry.ts';
import { spawnKernelThread } from '../src/kernel/host.ts';
import type { Kernel } from '../src/kernel/kernel.ts';
import type { KGen } from '../src/kernel/task.ts';

/** Figures a case reports; run.js takes the median of each over repeated processes. */
export type Figures = Record<string, number>;

/** Print the case's figures as the last line of stdout (run.js reads it). */
export function report(figures: Figures): void {
  process.stdout.write(`BENCH ${JSON.stringify(figures)}\n`);
}

export function arg(name: string, fallback: string): string {
  const p = `--${name}=`;
  const a = process.argv.find((x) => x.startsWith(p));
  return a ? a.slice(p.length) : fallback;
}

export function boot(opts: MachineOptions = {}): Machine {
  return new Machine(opts).boot();
}

export interface Timing {
  wallMs: number;
  /** User + system CPU of the whole process (GC threads included) over the same span. */
  cpuMs: number;
}

/** Time fn with the wall clock and the process CPU clock. */
export function timed(fn: () => void): Timing {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  fn();
  const wallMs = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { wallMs, cpuMs: (c.user + c.system) / 1000 };
}

/** A full collection (the cases run with --expose-gc; without it, the figure is just noisier). */
export function gc(): void {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) {
    g();
    g();
  }
}

/** Live JS heap plus off-heap memory (typed arrays: the trace's columns), after a full collection. */
export function retainedBytes(): number {
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
}

/** Peak resident set size of this process (VmHWM), in bytes. */
export function peakRss(): number {
  const s = readFileSync('/proc/self/status', 'utf8');
  const m = /VmHWM:\s+(\d+) kB/.exec(s);
  return m ? Number(m[1]) * 1024 : process.memoryUsage().rss;
}

/** Reset the peak RSS mark (writing 5 to clear_refs, Linux >= 4.0); false if not allowed. */
export function resetPeakRss(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

/** Count syscalls by name from now on (wraps the dispatch tables; slows them, so count apart). */
export function countSyscalls(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const table of [fastCalls, slowCalls] as Record<string, (...a: unknown[]) => unknown>[]) {
    for (const nr of Object.keys(table)) {
      const f = table[nr];
      table[nr] = (...a: unknown[]) => {
        counts.set(nr, (counts.get(nr) ?? 0) + 1);
        return f(...a);
      };
    }
  }
  return counts;
}

export function total(counts: Map<string, number>): number {
  let n = 0;
  for (const v of counts.values()) n += v;
  return n;
}

/**
 * `threads` kernel threads each call request_module(name) `each` times in a row, then exit;
 * the machine runs until they are all done. Returns the number of requests that returned 0.
 */
export function requestLoop(m: Machine, name: string, threads: number, each: number): number {
  const k = m.k;
  let ok = 0;
  let left = threads;
  for (let i = 0; i < threads; i++) {
    const t = spawnKernelThread(k, `bench-${i}`, function* (kk: Kernel): KGen<number> {
      for (let j = 0; j < each; j++) if ((yield* requestModuleAny(kk, name, true)) === 0) ok++;
      left--;
      return 0;
    }, k.kthreadWorker ?? k.kthreadd ?? k.initTask);
    if (typeof t === 'number') throw new Error(`spawn failed: ${t}`);
  }
  m.run({ maxEvents: Number.MAX_SAFE_INTEGER, stopWhen: () => left === 0 });
  if (left) throw new Error(`${left} request threads did not finish`);
  return ok;
}

/** A 10-line POSIX sh modprobe wrapper that ends by exec'ing the real one (kernel.modprobe). */
export const SCRIPT_MODPROBE = [
  '#!/bin/sh',
  '# A site wrapper around modprobe: log, check, then hand over.',
  'PATH=/sbin:/bin:/usr/sbin:/usr/bin',
  'name=',
  'for a in "$@"; do name=$a; done',
  'case $name in',
  "  ''|-*) exit 1 ;;",
  'esac',
  'count=$((${count:-0} + 1))',
  'exec /sbin/modprobe "$@"',
].join('\n') + '\n';
