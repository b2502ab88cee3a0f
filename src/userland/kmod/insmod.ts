// insmod (tools/insmod.c): insert one module file with the given parameters. No modprobe.d, no
// modules.dep, no dependencies.
import type { ProgramArgs, UserGen } from '../../uapi/syscalls.ts';
import { EINVAL, ENOENT, ENOEXEC, ESRCH, strerror } from '../../uapi/errno.ts';
import type { KmodHost } from './host.ts';
import { LOG_ERR, type Logger } from './log.ts';
import type { LongOption } from './getopt.ts';
import { getopts, kmodNew, toolMain } from './tool.ts';
import { optionsFromArray } from './modprobe-opts.ts';
import { PROBE_FORCE_MODVERSION, PROBE_FORCE_VERMAGIC, insertModule } from './probe.ts';
import { KMOD_VERSION_TEXT } from './version.ts';

const LONGOPTS: LongOption[] = [
  { name: 'force', hasArg: 0, val: 'f' },
  { name: 'force-modversion', hasArg: 0, val: '#force-modversion' },
  { name: 'force-vermagic', hasArg: 0, val: '#force-vermagic' },
  { name: 'syslog', hasArg: 0, val: 's' },
  { name: 'verbose', hasArg: 0, val: 'v' },
  { name: 'version', hasArg: 0, val: 'V' },
  { name: 'help', hasArg: 0, val: 'h' },
];

const HELP = (p: string): string =>
  'Usage:\n' +
  `\t${p} [options] filename [module options]\n` +
  'Options:\n' +
  '\t-f, --force              DANGEROUS: forces a module load, may cause\n' +
  '\t                         data corruption and crash your machine.\n' +
  '\t                         implies --force-modversion and\n' +
  '\t                         --force-vermagic\n' +
  "\t    --force-modversion   Ignore module's version\n" +
  "\t    --force-vermagic     Ignore module's version magic\n" +
  '\t-s, --syslog             print to syslog, not stderr\n' +
  '\t-v, --verbose            enables more messages\n' +
  '\t-V, --version            show version\n' +
  '\t-h, --help               show this help\n';

/** mod_strerror(): insmod's own wording for the usual kernel errors. */
export function modStrerror(err: number): string {
  switch (err) {
    case ENOEXEC: return 'Invalid module format';
    case ENOENT: return 'Unknown symbol in module';
    case ESRCH: return 'Module has wrong symbol version';
    case EINVAL: return 'Invalid parameters';
    default: return strerror(err);
  }
}

function* body(args: ProgramArgs, host: KmodHost, log: Logger): UserGen {
  const { opts, operands } = yield* getopts(host, args, 'fsvVh', LONGOPTS);
  let flags = 0;
  let verbose = LOG_ERR;
  let syslog = false;
  for (const o of opts) {
    switch (o.opt) {
      case 'f': flags |= PROBE_FORCE_MODVERSION | PROBE_FORCE_VERMAGIC; break;
      case '#force-modversion': flags |= PROBE_FORCE_MODVERSION; break;
      case '#force-vermagic': flags |= PROBE_FORCE_VERMAGIC; break;
      case 's': syslog = true; break;
      case 'v': verbose++; break;
      case 'h': yield* host.write(1, HELP(log.prog)); return 0;
      case 'V': yield* host.write(1, KMOD_VERSION_TEXT); return 0;
      default: return 1;
    }
  }
  log.open(syslog);
  if (operands.length === 0) {
    yield* log.err('missing filename.\n');
    return 1;
  }
  const filename = operands[0];
  if (filename === '-') {
    yield* log.err('this tool does not support loading from stdin!\n');
    return 1;
  }
  const params = optionsFromArray(operands.slice(1));
  const ctx = yield* kmodNew(host, log, args, null);
  log.setup(verbose);
  const mod = yield* ctx.fromPath(filename);
  if (typeof mod === 'number') {
    yield* log.err(`could not load module ${filename}: ${strerror(-mod)}\n`);
    return 1;
  }
  const r = yield* insertModule(ctx, mod, flags, params);
  if (r < 0) {
    yield* log.err(`could not insert module ${filename}: ${modStrerror(-r)}\n`);
    return 1;
  }
  return 0;
}

export function insmodMain(args: ProgramArgs, host: KmodHost): UserGen {
  return toolMain(args, host, body);
}
