// What the small kmod tools share: the exit-at-once wrapper, getopt with errors written as
// they are found, and kmod_new(dirname, {NULL}) (no modprobe.d, but modules.softdep,
// modules.weakdep and the kernel command line are still read, as libkmod does).
import type { ProgramArgs, UserGen } from '../../uapi/syscalls.ts';
import type { KmodHost } from './host.ts';
import { KmodExit, Logger } from './log.ts';
import { Getopt, type LongOption, type Parsed } from './getopt.ts';
import { EnvVars } from './envvars.ts';
import { KmodCtx } from './ctx.ts';
import { loadConfig } from './loadconfig.ts';
import { basename } from './names.ts';

export type ToolBody = (args: ProgramArgs, host: KmodHost, log: Logger) => UserGen;

/**
 * Run a tool body; a FATAL line (KmodExit) ends it with its code. Log lines carry `prog`
 * (program_invocation_short_name), by default argv[0]'s base name.
 */
export function* toolMain(args: ProgramArgs, host: KmodHost, body: ToolBody, prog?: string): UserGen {
  const log = new Logger(host, prog ?? basename(args.argv[0] ?? 'kmod'));
  try {
    return yield* body(args, host, log);
  } catch (e) {
    if (e instanceof KmodExit) return e.code;
    throw e;
  }
}

/**
 * getopt_long until the end, or until an error, -h or -V (the C tools return from inside their
 * option loop there). Error messages are written when they are found.
 */
export function* getopts(host: KmodHost, args: ProgramArgs, short: string, long: LongOption[]): UserGen<{ opts: Parsed[]; operands: string[] }> {
  const errors: string[] = [];
  const env = new EnvVars(args.envp);
  const g = new Getopt(args.argv, short, long, (m) => errors.push(m), env.get('POSIXLY_CORRECT') !== null);
  const opts: Parsed[] = [];
  for (;;) {
    const o = g.next();
    for (const m of errors.splice(0)) yield* host.write(2, m);
    if (!o) return { opts, operands: g.operands() };
    opts.push(o);
    if (o.opt === '?' || o.opt === 'h' || o.opt === 'V') return { opts, operands: [] };
  }
}

/** kmod_new(dirname, {NULL}) for a tool: dirname null means /lib/modules/`uname -r`. */
export function* kmodNew(host: KmodHost, log: Logger, args: ProgramArgs, dirname: string | null): UserGen<KmodCtx> {
  let dir = dirname ?? `/lib/modules/${(yield* host.uname()).release}`;
  if (dir[0] !== '/') {
    const cwd = yield* host.getcwd();
    if (typeof cwd === 'string') dir = `${cwd}/${dir}`;
  }
  const config = yield* loadConfig(host, log, dir, []);
  return new KmodCtx(host, log, dir, config, new EnvVars(args.envp));
}
