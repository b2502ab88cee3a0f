// kill, after dash's jobs.c killcmd() (its usage line, `kill -l` by number or exit status) and,
// in bash mode, bash's own kill (its options, messages and signal table).
import type { UserGen } from '../../../uapi/syscalls.ts';
import { strerror } from '../../../uapi/errno.ts';
import { SIGTERM } from '../../../uapi/signal.ts';
import { kill } from '../../lib/sys.ts';
import { writeAll } from '../../lib/io.ts';
import { ShError } from '../errors.ts';
import { out1, warnx } from '../output.ts';
import type { Job, ShState } from '../state.ts';
import { decodeSignal } from '../trap.ts';
import { number } from './core.ts';
import { dashSignalName, getjob } from './jobs.ts';
import { NextOpt } from './nextopt.ts';
import { register } from './table.ts';

const KILL_USAGE = 'Usage: kill [-s sigspec | -signum | -sigspec] [pid | job]... or\nkill -l [exitstatus]';

const BASH_KILL_USAGE = 'kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n';

/** bash's kill: its options, its messages, `kill -l` as a table, jobs without job control
 * signalled process by process. */
function* bashKill(sh: ShState, argv: string[]): UserGen<number> {
  let args = argv.slice(1);
  if (!args.length) {
    yield* writeAll(2, BASH_KILL_USAGE);
    return 2;
  }
  let sig = SIGTERM;
  let list = false;
  while (args.length && args[0][0] === '-' && args[0].length > 1) {
    const a = args[0];
    if (a === '-l' || a === '-L') { list = true; args = args.slice(1); break; }
    if (a === '--') { args = args.slice(1); break; }
    let spec = a.slice(1);
    let used = 1;
    if (a === '-s' || a === '-n') {
      if (args.length < 2) {
        yield* warnx(sh, `${a}: option requires an argument`);
        return 1;
      }
      spec = args[1];
      used = 2;
    }
    const s = decodeSignal(spec, 0, true);
    if (s < 0 || s > 31) {
      yield* warnx(sh, `${spec}: invalid signal specification`);
      return 1;
    }
    sig = s;
    args = args.slice(used);
  }
  if (list) {
    if (!args.length) {
      let line = '';
      for (let s = 1; s < 32; s++) {
        line += `${String(s).padStart(2)}) SIG${dashSignalName(s)}`;
        if (s % 5 === 0 || s === 31) { out1(sh, `${line}\n`); line = ''; } else line += '\t';
      }
      return 0;
    }
    let status = 0;
    for (const a of args) {
      if (/^\d+$/.test(a)) {
        let n = Number(a);
        if (n > 128) n -= 128;
        if (n > 0 && n < 32) out1(sh, `${dashSignalName(n)}\n`);
        else { yield* warnx(sh, `${a}: invalid signal specification`); status = 1; }
      } else {
        const s = decodeSignal(a, 1, true);
        if (s > 0 && s < 32) out1(sh, `${s}\n`);
        else { yield* warnx(sh, `${a}: invalid signal specification`); status = 1; }
      }
    }
    return status;
  }
  if (!args.length) {
    yield* writeAll(2, BASH_KILL_USAGE);
    return 2;
  }
  let ret = 0;
  for (const a of args) {
    let pids: number[];
    if (a[0] === '%') {
      let jp: Job;
      try {
        jp = getjob(sh, a, false);
      } catch (e) {
        if (!(e instanceof ShError)) throw e;
        yield* warnx(sh, `${a}: no such job`);
        ret = 1;
        continue;
      }
      pids = jp.jobctl ? [-jp.ps[0].pid] : jp.ps.filter((p) => p.status === -1).map((p) => p.pid);
    } else if (/^-?\d+$/.test(a)) pids = [Number(a)];
    else {
      yield* warnx(sh, `${a}: arguments must be process or job IDs`);
      ret = 1;
      continue;
    }
    for (const pid of pids) {
      const e = yield* kill(pid, sig);
      if (e < 0) {
        yield* warnx(sh, `(${pid}) - ${strerror(-e)}`);
        ret = 1;
      }
    }
  }
  return ret;
}

function* killcmd(sh: ShState, argv: string[]): UserGen<number> {
  if (sh.bash) return yield* bashKill(sh, argv);
  if (argv.length <= 1) throw new ShError(KILL_USAGE);
  let signo = -1;
  let list = false;
  let i = 1;
  if (argv[1][0] === '-') {
    signo = decodeSignal(argv[1].slice(1), 1);
    if (signo < 0) {
      const o = new NextOpt(argv);
      for (let c; (c = o.next('ls:'));) {
        if (c === 'l') list = true;
        else {
          signo = decodeSignal(o.optarg, 1);
          if (signo < 0) throw new ShError(`invalid signal number or name: ${o.optarg}`);
        }
      }
      i = o.i;
    } else i = 2;
  }
  if (!list && signo < 0) signo = SIGTERM;
  const rest = argv.slice(i);
  if ((signo < 0 || rest.length === 0) !== list) throw new ShError(KILL_USAGE);
  if (list) {
    if (!rest.length) {
      let s = '0\n';
      for (let k = 1; k < 65; k++) s += `${dashSignalName(k)}\n`;
      out1(sh, s);
      return 0;
    }
    let n = number(rest[0]);
    if (n > 128) n -= 128;
    if (n > 0 && n < 65) out1(sh, `${dashSignalName(n)}\n`);
    else throw new ShError(`invalid signal number or exit status: ${rest[0]}`);
    return 0;
  }
  let ret = 0;
  for (const a of rest) {
    let pid: number;
    if (a[0] === '%') pid = -getjob(sh, a, false).ps[0].pid;
    else pid = a[0] === '-' ? -number(a.slice(1)) : number(a);
    const e = yield* kill(pid, signo);
    if (e < 0) {
      yield* warnx(sh, `${strerror(-e)}\n`);
      ret = 1;
    }
  }
  return ret;
}

register('kill', 'u', killcmd);
