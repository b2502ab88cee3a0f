// rmmod (tools/rmmod.c): remove modules by name or path. No configuration, so no remove
// commands. Each argument is handled in turn; a failure does not stop the rest.
import type { ProgramArgs, UserGen } from '../../uapi/syscalls.ts';
import { EBUSY, ENOENT, strerror } from '../../uapi/errno.ts';
import type { KmodHost } from './host.ts';
import { LOG_ERR, type Logger } from './log.ts';
import type { LongOption } from './getopt.ts';
import { getopts, kmodNew, toolMain } from './tool.ts';
import { KMOD_MODULE_BUILTIN, type KmodCtx, type Mod } from './ctx.ts';
import { REMOVE_FORCE, REMOVE_NOWAIT } from './modprobe-remove.ts';
import { KMOD_VERSION_TEXT } from './version.ts';

const LONGOPTS: LongOption[] = [
  { name: 'force', hasArg: 0, val: 'f' },
  { name: 'syslog', hasArg: 0, val: 's' },
  { name: 'verbose', hasArg: 0, val: 'v' },
  { name: 'version', hasArg: 0, val: 'V' },
  { name: 'help', hasArg: 0, val: 'h' },
];

const HELP = (p: string): string =>
  'Usage:\n' +
  `\t${p} [options] modulenames\n` +
  'Options:\n' +
  '\t-f, --force       DANGEROUS: forces a module unload and may\n' +
  '\t                  crash your machine\n' +
  '\t-s, --syslog      print to syslog, not stderr\n' +
  '\t-v, --verbose     enables more messages\n' +
  '\t-V, --version     show version\n' +
  '\t-h, --help        show this help\n';

/** check_module_inuse(): built in, not loaded, held, referenced, or unloading unsupported. */
function* checkInUse(ctx: KmodCtx, log: Logger, mod: Mod): UserGen<number> {
  const state = yield* ctx.initstate(mod);
  if (state === KMOD_MODULE_BUILTIN) {
    yield* log.err(`Module ${mod.name} is builtin.\n`);
    return -ENOENT;
  }
  if (state < 0) {
    yield* log.err(`Module ${mod.name} is not currently loaded\n`);
    return -ENOENT;
  }
  const holders = yield* ctx.holders(mod);
  if (holders.length) {
    yield* log.err(`Module ${mod.name} is in use by:${holders.map((h) => ` ${h.name}`).join('')}\n`);
    return -EBUSY;
  }
  const ret = yield* ctx.refcnt(mod);
  if (ret > 0) {
    yield* log.err(`Module ${mod.name} is in use\n`);
    return -EBUSY;
  }
  if (ret === -ENOENT) yield* log.err('Module unloading is not supported\n');
  return ret;
}

function* body(args: ProgramArgs, host: KmodHost, log: Logger): UserGen {
  const { opts, operands } = yield* getopts(host, args, 'fsvVh', LONGOPTS);
  let flags = 0;
  let verbose = LOG_ERR;
  let syslog = false;
  for (const o of opts) {
    switch (o.opt) {
      case 'f': flags |= REMOVE_FORCE; break;
      case 's': syslog = true; break;
      case 'v': verbose++; break;
      case 'h': yield* host.write(1, HELP(log.prog)); return 0;
      case 'V': yield* host.write(1, KMOD_VERSION_TEXT); return 0;
      default: return 1;
    }
  }
  log.open(syslog);
  if (operands.length === 0) {
    yield* log.err('missing module name.\n');
    return 1;
  }
  const ctx = yield* kmodNew(host, log, args, null);
  log.setup(verbose);
  let r = 0;
  for (const arg of operands) {
    const st = yield* host.stat(arg);
    const mod = typeof st !== 'number' ? yield* ctx.fromPath(arg) : ctx.fromName(arg);
    if (typeof mod === 'number') {
      yield* log.err(`could not use module ${arg}: ${strerror(-mod)}\n`);
      r = 1;
      break;
    }
    if (!(flags & REMOVE_FORCE) && (yield* checkInUse(ctx, log, mod)) < 0) {
      r = 1;
      continue;
    }
    const err = yield* host.deleteModule(mod.name, (flags & REMOVE_FORCE) | REMOVE_NOWAIT);
    if (err < 0) {
      yield* log.kmod(LOG_ERR, 'kmod_module_remove_module', `could not remove '${mod.name}': ${strerror(-err)}\n`);
      yield* log.err(`could not remove module ${arg}: ${strerror(-err)}\n`);
      r = 1;
    }
  }
  return r;
}

export function rmmodMain(args: ProgramArgs, host: KmodHost): UserGen {
  return toolMain(args, host, body);
}
