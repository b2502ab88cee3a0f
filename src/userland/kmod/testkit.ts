// Helpers for the kmod unit tests: build a MemHost from a module tree and run a tool on it.
import type { ProgramArgs, UserGen } from '../../uapi/syscalls.ts';
import { runSync } from './host.ts';
import type { KmodHost } from './host.ts';
import { MemHost } from './memhost.ts';
import { modprobeMain } from './modprobe.ts';

export const REL = '6.1.0';
export const DIR = `/lib/modules/${REL}`;

/**
 * A machine with modules under DIR/kernel/. `deps` maps a module's file name (without `.ko`) to
 * its modules.dep line (nearest first); each gets a .ko whose depends= lists its direct deps.
 */
export function tree(deps: Record<string, string[]>, files: Record<string, string> = {}): MemHost {
  const h = new MemHost();
  let dep = '';
  for (const [name, d] of Object.entries(deps)) {
    dep += `kernel/${name}.ko:${d.map((x) => ` kernel/${x}.ko`).join('')}\n`;
    const direct = d.filter((x) => !d.some((y) => y !== x && (deps[y] ?? []).includes(x)));
    h.put(`${DIR}/kernel/${name}.ko`, direct.length ? `depends=${direct.map((x) => x.replace(/-/g, '_')).join(',')}\n` : '');
  }
  h.put(`${DIR}/modules.dep`, dep);
  for (const [p, c] of Object.entries(files)) h.put(p, c);
  return h;
}

export interface Result {
  status: number;
  stdout: string;
  stderr: string;
  calls: string[];
}

type Main = (args: ProgramArgs, host: KmodHost) => UserGen;

/** Run a tool on the host; stdout/stderr/calls are those of this run only. */
export function runTool(main: Main, h: MemHost, argv: string[], envp: string[] = []): Result {
  h.stdout = '';
  h.stderr = '';
  const before = h.calls.length;
  const status = runSync(main({ argv, envp }, h));
  return { status, stdout: h.stdout, stderr: h.stderr, calls: h.calls.slice(before) };
}

export function modprobe(h: MemHost, ...argv: string[]): Result {
  return runTool(modprobeMain, h, ['modprobe', ...argv]);
}

/** Names of loaded modules, newest first. */
export function loaded(h: MemHost): string[] {
  return h.modules.map((m) => m.name);
}

import { insmodMain } from './insmod.ts';
import { rmmodMain } from './rmmod.ts';
import { lsmodMain } from './lsmod.ts';
import { modinfoMain } from './modinfo.ts';

export const insmod = (h: MemHost, ...argv: string[]): Result => runTool(insmodMain, h, ['insmod', ...argv]);
export const rmmod = (h: MemHost, ...argv: string[]): Result => runTool(rmmodMain, h, ['rmmod', ...argv]);
export const lsmod = (h: MemHost, ...argv: string[]): Result => runTool(lsmodMain, h, ['lsmod', ...argv]);
export const modinfo = (h: MemHost, ...argv: string[]): Result => runTool(modinfoMain, h, ['modinfo', ...argv]);

import { depmodMain } from './depmod.ts';

export const depmodRun = (h: MemHost, ...argv: string[]): Result => runTool(depmodMain, h, ['depmod', ...argv]);

/** A module tree of .ko files only (no modules.dep): name -> header text. */
export function kos(mods: Record<string, string>, files: Record<string, string> = {}): MemHost {
  const h = new MemHost();
  h.mkdirs(DIR);
  for (const [rel, c] of Object.entries(mods)) h.put(`${DIR}/${rel}`, c);
  for (const [p, c] of Object.entries(files)) h.put(p, c);
  return h;
}

import { kmodMain } from './kmod.ts';

export const kmodRun = (h: MemHost, argv0: string, ...argv: string[]): Result => runTool(kmodMain, h, [argv0, ...argv]);
