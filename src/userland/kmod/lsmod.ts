// lsmod (tools/lsmod.c), also `kmod list`: the modules of /proc/modules in its order (newest
// first), with size, refcount and holders as libkmod reads them from sysfs.
import type { ProgramArgs, UserGen } from '../../uapi/syscalls.ts';
import { strerror } from '../../uapi/errno.ts';
import type { KmodHost } from './host.ts';
import { LOG_ERR, type Logger } from './log.ts';
import type { LongOption } from './getopt.ts';
import { getopts, kmodNew, toolMain } from './tool.ts';
import type { KmodCtx, Mod } from './ctx.ts';
import { KMOD_VERSION_TEXT } from './version.ts';

const LONGOPTS: LongOption[] = [
  { name: 'syslog', hasArg: 0, val: 's' },
  { name: 'verbose', hasArg: 0, val: 'v' },
  { name: 'version', hasArg: 0, val: 'V' },
  { name: 'help', hasArg: 0, val: 'h' },
];

const HELP = (p: string): string =>
  'Usage:\n' +
  `\t${p} [options]\n` +
  'Options:\n' +
  '\t-s, --syslog      print to syslog, not stderr\n' +
  '\t-v, --verbose     enables more messages\n' +
  '\t-V, --version     show version\n' +
  '\t-h, --help        show this help\n';

/** `%-19s %8ld  %d` and ` holder,holder`: one lsmod line. */
export function lsmodLine(name: string, size: number, refcnt: number, holders: readonly string[]): string {
  const h = holders.length ? ` ${holders.join(',')}` : '';
  return `${name.padEnd(19)} ${String(size).padStart(8)}  ${refcnt}${h}\n`;
}

/** kmod_module_get_size(): /sys/module/<name>/coresize, else the /proc/modules size column. */
function* moduleSize(ctx: KmodCtx, mod: Mod, procModules: string): UserGen<number> {
  const core = yield* ctx.host.readFile(`/sys/module/${mod.name}/coresize`);
  if (typeof core === 'string') {
    const m = /^\s*(-?\d+)\s/.exec(core);
    if (m) return Number(m[1]);
    yield* ctx.log.kmod(LOG_ERR, 'kmod_module_get_size', `failed to read coresize from /sys/module/${mod.name}\n`);
    return -2;
  }
  const st = yield* ctx.host.stat(`/sys/module/${mod.name}`);
  if (typeof st === 'number') return st;
  for (const line of procModules.split('\n')) {
    const w = line.split(/[ \t]+/);
    if (w[0] === mod.name && w[1] !== undefined && /^\d+$/.test(w[1])) return Number(w[1]);
  }
  return -2;
}

function* body(args: ProgramArgs, host: KmodHost, log: Logger): UserGen {
  const { opts, operands } = yield* getopts(host, args, 'svVh', LONGOPTS);
  let verbose = LOG_ERR;
  let syslog = false;
  for (const o of opts) {
    switch (o.opt) {
      case 's': syslog = true; break;
      case 'v': verbose++; break;
      case 'h': yield* host.write(1, HELP(log.prog)); return 0;
      case 'V': yield* host.write(1, KMOD_VERSION_TEXT); return 0;
      default: return 1;
    }
  }
  log.open(syslog);
  if (operands.length) {
    yield* log.err('too many arguments provided.\n');
    return 1;
  }
  const ctx = yield* kmodNew(host, log, args, null);
  log.setup(verbose);
  const proc = yield* host.readFile('/proc/modules');
  if (typeof proc === 'number') {
    yield* log.kmod(LOG_ERR, 'kmod_module_new_from_loaded', `could not open /proc/modules: ${strerror(-proc)}\n`);
    yield* log.err(`could not get list of modules: ${strerror(-proc)}\n`);
    return 1;
  }
  let out = 'Module                  Size  Used by\n';
  for (const line of proc.split('\n')) {
    const name = line.split(/[ \t]+/)[0];
    if (!name) continue;
    const mod = ctx.fromName(name);
    const refcnt = yield* ctx.refcnt(mod);
    const size = yield* moduleSize(ctx, mod, proc);
    const holders = yield* ctx.holders(mod);
    out += lsmodLine(mod.name, size, refcnt, holders.map((h) => h.name));
  }
  yield* host.write(1, out);
  return 0;
}

/** `prog`: the name log lines use when it is not argv[0] (`kmod list`). */
export function lsmodMain(args: ProgramArgs, host: KmodHost, prog?: string): UserGen {
  return toolMain(args, host, body, prog);
}
