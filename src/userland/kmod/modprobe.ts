// modprobe (tools/modprobe.c do_modprobe()): MODPROBE_OPTIONS, getopt_long, then insert,
// remove, or one of the queries. Exit status is 0 or 1 only.
import type { ProgramArgs, UserGen } from '../../uapi/syscalls.ts';
import { Getopt } from './getopt.ts';
import type { KmodHost } from './host.ts';
import { KmodExit, LOG_EMERG, LOG_INFO, LOG_WARNING, Logger } from './log.ts';
import { EnvVars } from './envvars.ts';
import { KmodCtx, CTX_POINTER } from './ctx.ts';
import { loadConfig } from './loadconfig.ts';
import { MODPROBE_HELP, MODPROBE_LONGOPTS, MODPROBE_SHORTOPTS, optionsFromArray, splitModprobeOptions } from './modprobe-opts.ts';
import { insmod, insmodAll, showConfig, showSymbols } from './modprobe-insert.ts';
import { rmmodAll } from './modprobe-remove.ts';
import { type Run, defaultFlags, stdout } from './run.ts';
import { basename } from './names.ts';
import { KMOD_VERSION_TEXT } from './version.ts';

/** The log-function pointer libkmod prints at -vv; fixed, as the context pointer is. */
const LOG_FN_POINTER = '0x55f4c1a0b3c0';

/** KMOD_LOG's log_priority(): a number, or a name starting with err/info/debug. */
export function kmodLogPriority(v: string): number {
  const m = /^(-?\d+)(?:[ \t\n\v\f\r]|$)/.exec(v);
  if (m) return Number(m[1]);
  if (v.startsWith('err')) return 3;
  if (v.startsWith('info')) return 6;
  if (v.startsWith('debug')) return 7;
  return 0;
}

/** strtoul(s, &end, 0) accepting the whole string; null where modprobe rejects it. */
export function parseStrtoul(s: string): number | null {
  const m = /^[ \t\n\v\f\r]*([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9]\d*)$/.exec(s);
  if (!m) return null;
  const d = m[2];
  const v = /^0[xX]/.test(d) ? parseInt(d.slice(2), 16) : d.length > 1 && d[0] === '0' ? parseInt(d, 8) : Number(d);
  // A minus sign wraps around to a huge unsigned value: in effect, wait forever.
  return m[1] === '-' && v !== 0 ? Number.MAX_SAFE_INTEGER : v;
}

export function* modprobeMain(args: ProgramArgs, host: KmodHost): UserGen {
  const log = new Logger(host, basename(args.argv[0] ?? 'modprobe'));
  try {
    return yield* doModprobe(args, host, log);
  } catch (e) {
    if (e instanceof KmodExit) return e.code;
    throw e;
  }
}

function* doModprobe({ argv: origArgv, envp }: ProgramArgs, host: KmodHost, log: Logger): UserGen {
  const env = new EnvVars(envp);
  const f = defaultFlags();
  const appendEnv = (v: string) => {
    const old = env.get('MODPROBE_OPTIONS');
    env.set('MODPROBE_OPTIONS', old === null ? v : `${old} ${v}`);
  };
  const fromEnv = env.get('MODPROBE_OPTIONS');
  const argv = fromEnv === null ? [...origArgv] : [origArgv[0] ?? '', ...splitModprobeOptions(fromEnv), ...origArgv.slice(1)];
  const errors: string[] = [];
  const g = new Getopt(argv, MODPROBE_SHORTOPTS, MODPROBE_LONGOPTS, (m) => errors.push(m), env.get('POSIXLY_CORRECT') !== null);
  const configPaths: string[] = [];
  let root: string | null = null;
  let kversion: string | null = null;
  let useAll = false, doRemove = false, doShowConfig = false, doModversions = false, doExports = false, useSyslog = false;
  for (;;) {
    const o = g.next();
    for (const m of errors.splice(0)) yield* host.write(2, m);
    if (!o) break;
    switch (o.opt) {
      case 'a': f.logPriority = LOG_WARNING; useAll = true; break;
      case 'r': doRemove = true; break;
      case '#remove-dependencies':
        yield* log.warn('--remove-dependencies is deprecated and scheduled for removal; use --remove-holders\n');
        f.removeHolders = true; doRemove = true; break;
      case '#remove-holders': f.removeHolders = true; doRemove = true; break;
      case 'w': {
        const a = o.arg ?? '';
        const v = parseStrtoul(a);
        if (v === null) {
          yield* log.err(`unexpected wait value '${a}'.\n`);
          return 1;
        }
        f.waitMsec = v;
        break;
      }
      case '#first-time': f.firstTime = true; break;
      case 'i': f.ignoreCommands = true; break;
      case 'b': f.useBlacklist = true; break;
      case 'f': f.force = true; break;
      case '#force-modversion': f.stripModversion = true; break;
      case '#force-vermagic': f.stripVermagic = true; break;
      case 'D': f.ignoreLoaded = true; f.dryRun = true; f.doShow = true; break;
      case '#resolve-alias':
        yield* log.warn('--resolve-alias is deprecated and scheduled for removal; use --show-alias\n');
        f.lookupOnly = true; break;
      case 'R': f.lookupOnly = true; break;
      case '#showconfig':
        yield* log.warn('--showconfig is deprecated and scheduled for removal; use --show-config\n');
        doShowConfig = true; break;
      case 'c': doShowConfig = true; break;
      case '#dump-modversions':
        yield* log.warn('--dump-modversions is deprecated and scheduled for removal; use --show-modversions\n');
        doModversions = true; break;
      case '#show-modversions': doModversions = true; break;
      case '#show-exports': doExports = true; break;
      case '#show':
        yield* log.warn('--show is deprecated and scheduled for removal; use --dry-run\n');
        f.dryRun = true; f.doShow = true; break;
      case 'n': f.dryRun = true; f.doShow = true; break;
      case 'C': configPaths.push(o.arg ?? ''); appendEnv('-C'); appendEnv(o.arg ?? ''); break;
      case 'd': root = o.arg; break;
      case 'S': kversion = o.arg; break;
      case 's': appendEnv('-s'); useSyslog = true; break;
      case 'q': appendEnv('-q'); f.verbose = LOG_EMERG; break;
      case 'v': appendEnv('-v'); f.verbose++; break;
      case 'V': yield* stdout({ host }, KMOD_VERSION_TEXT); return 0;
      case 'h': yield* stdout({ host }, MODPROBE_HELP(log.prog)); return 0;
      default: return 1;
    }
  }
  const args = g.operands();
  if (!useSyslog && !(yield* host.fdOpen(2))) useSyslog = true;
  log.open(useSyslog);
  if (!doShowConfig && args.length === 0) {
    yield* log.err('missing parameters. See -h.\n');
    return 1;
  }
  let dirname: string;
  if (root !== null || kversion !== null) {
    dirname = `${root ?? ''}/lib/modules/${kversion ?? (yield* host.uname()).release}`;
  } else {
    dirname = `/lib/modules/${(yield* host.uname()).release}`;
  }
  if (dirname[0] !== '/') {
    const cwd = yield* host.getcwd();
    if (typeof cwd === 'string') dirname = `${cwd}/${dirname}`;
  }
  const kmodLog = env.get('KMOD_LOG');
  if (kmodLog !== null) log.setKmodPriority(kmodLogPriority(kmodLog));
  const config = yield* loadConfig(host, log, dirname, configPaths.length ? configPaths : null);
  yield* log.kmod(LOG_INFO, 'kmod_new', `ctx ${CTX_POINTER} created\n`);
  log.setup(f.verbose);
  yield* log.kmod(LOG_INFO, 'kmod_set_log_fn', `custom logging function ${LOG_FN_POINTER} registered\n`);
  const run: Run = { host, log, ctx: new KmodCtx(host, log, dirname, config, env), f };
  let err: number;
  if (doShowConfig) err = yield* showConfig(run);
  else if (doModversions) err = yield* showSymbols(run, args[0], 'modversions');
  else if (doExports) err = yield* showSymbols(run, args[0], 'exports');
  else if (doRemove) err = yield* rmmodAll(run, args);
  else if (useAll) err = yield* insmodAll(run, args);
  else err = yield* insmod(run, args[0], optionsFromArray(args.slice(1)));
  yield* log.kmod(LOG_INFO, 'kmod_unref', `context ${CTX_POINTER} released\n`);
  return err >= 0 ? 0 : 1;
}
