// jobs, fg, bg, wait and kill, after dash's jobs.c: the "[1] + Running" listing padded to
// column 33, %n / %% / %+ / %- / %prefix / %?text job names, wait's 128+signal when a trapped
// signal interrupts it, and kill's messages and signal list.
import type { UserGen } from '../../../uapi/syscalls.ts';
import { strerror } from '../../../uapi/errno.ts';
import { SIGCONT, SIGTERM } from '../../../uapi/signal.ts';
import { kill, tcsetpgrp } from '../../lib/sys.ts';
import { ShError } from '../errors.ts';
import { DOWAIT_NONBLOCK, DOWAIT_WAITCMD, DOWAIT_WAITCMD_ALL, dowait, freejob, getstatus, jobById, setCurjob, waitone,
  sprintStatus, waitforjob } from '../jobs.ts';
import { flushOut, out1, warnx } from '../output.ts';
import type { Job, ShState } from '../state.ts';
import { JOBDONE, JOBRUNNING, JOBSTOPPED } from '../state.ts';
import { decodeSignal } from '../trap.ts';
import { number } from './core.ts';
import { NextOpt } from './nextopt.ts';
import { register } from './table.ts';
import { writeAll } from '../../lib/io.ts';
import { setvar } from '../vars.ts';

const SHOW_PID = 1, SHOW_PGID = 2;

/** The names dash's `kill -l` prints: its signal table up to RTMAX. */
export function dashSignalName(n: number): string {
  const base = ['EXIT', 'HUP', 'INT', 'QUIT', 'ILL', 'TRAP', 'ABRT', 'BUS', 'FPE', 'KILL', 'USR1', 'SEGV',
    'USR2', 'PIPE', 'ALRM', 'TERM', '16', 'CHLD', 'CONT', 'STOP', 'TSTP', 'TTIN', 'TTOU', 'URG', 'XCPU',
    'XFSZ', 'VTALRM', 'PROF', 'WINCH', 'IO', 'PWR', 'SYS', '32', '33'];
  if (n < base.length) return base[n];
  if (n <= 49) return n === 34 ? 'RTMIN' : `RTMIN+${n - 34}`;
  return n === 64 ? 'RTMAX' : `RTMAX-${64 - n}`;
}

/** bash's job line: "[1]+  Running                 sleep 10 &". */
function bashJob(sh: ShState, jp: Job, mode: number): string {
  const ps = jp.ps;
  const mark = jp.id === sh.jobOrder[0] ? '+' : jp.id === sh.jobOrder[1] ? '-' : ' ';
  let state: string;
  if (jp.state === JOBRUNNING) state = 'Running';
  else {
    const st = jp.state === JOBSTOPPED ? jp.stopstatus : ps[ps.length - 1].status;
    state = sprintStatus(st, false).replace(/^Done\((\d+)\)$/, 'Exit $1');
  }
  let cmd = ps.map((p) => p.cmd).join(' | ');
  if (jp.state !== JOBRUNNING) cmd = cmd.replace(/ &$/, '');
  const pid = mode & SHOW_PID ? `${ps[0].pid} ` : ' ';
  return `[${jp.id}]${mark} ${pid}${state.padEnd(24)}${cmd}\n`;
}

function showjob(sh: ShState, jp: Job, mode: number): string {
  const ps = jp.ps;
  if (mode & SHOW_PGID) return `${ps[0].pid}\n`;
  if (sh.bash) {
    const s = bashJob(sh, jp, mode);
    jp.changed = false;
    if (jp.state === JOBDONE) freejob(sh, jp);
    return s;
  }
  let s = `[${jp.id}]   `;
  const indent = s.length;
  const cur = sh.jobOrder[0];
  if (jp.id === cur) s = `${s.slice(0, -2)}+ `;
  else if (sh.jobOrder[1] === jp.id) s = `${s.slice(0, -2)}- `;
  if (mode & SHOW_PID) s += `${ps[0].pid} `;
  if (jp.state === JOBRUNNING) s += 'Running';
  else s += sprintStatus(jp.state === JOBSTOPPED ? jp.stopstatus : ps[ps.length - 1].status, false);
  let out = '';
  for (let i = 0; ; i++) {
    out += `${s}${' '.repeat(Math.max(33 - s.length, 1))}${ps[i].cmd}`;
    if (!(mode & SHOW_PID)) {
      for (let k = 1; k < ps.length; k++) out += ` | ${ps[k].cmd}`;
      out += '\n';
      break;
    }
    if (i + 1 === ps.length) {
      out += '\n';
      break;
    }
    s = ` |\n${' '.repeat(indent)}${ps[i + 1].pid} `;
    out += s.slice(0, 3);
    s = s.slice(3);
  }
  jp.changed = false;
  if (jp.state === JOBDONE) freejob(sh, jp);
  return out;
}

/** showjobs(): list jobs (only changed ones for the prompt-time report). */
export function* showjobs(sh: ShState, changedOnly: boolean, toFd = 2, mode = 0): UserGen<string> {
  yield* dowait(sh, DOWAIT_NONBLOCK, null);
  let out = '';
  // dash lists from the current job back; bash by job number.
  const ids = sh.bash ? [...sh.jobOrder].sort((a, b) => a - b) : [...sh.jobOrder];
  for (const id of ids) {
    const jp = jobById(sh, id);
    if (jp && (!changedOnly || jp.changed)) out += showjob(sh, jp, mode);
  }
  if (changedOnly && out) yield* writeAll(toFd, out);
  return out;
}

/** getjob(): resolve a job name. */
export function getjob(sh: ShState, name: string | undefined, getctl: boolean): Job {
  let err = 'No such job: %s';
  let jp: Job | undefined = jobById(sh, sh.jobOrder[0]);
  const fail = (): never => {
    throw new ShError(err.replace('%s', name ?? ''));
  };
  const check = (): Job => {
    if (!jp) fail();
    if (getctl && !jp!.jobctl) {
      err = 'job %s not created under job control';
      fail();
    }
    return jp!;
  };
  if (name === undefined) {
    err = 'No current job';
    return check();
  }
  if (name[0] !== '%') fail();
  const p = name.slice(1);
  if (p === '' || p === '+' || p === '%') {
    err = 'No current job';
    return check();
  }
  if (p === '-') {
    jp = jobById(sh, sh.jobOrder[1]);
    err = 'No previous job';
    return check();
  }
  if (/^\d+$/.test(p)) {
    jp = jobById(sh, Number(p));
    return check();
  }
  const sub = p[0] === '?';
  const text = sub ? p.slice(1) : p;
  let found: Job | undefined;
  for (const id of sh.jobOrder) {
    const j = jobById(sh, id)!;
    const cmd = j.ps[0].cmd;
    if (sub ? cmd.includes(text) : cmd.startsWith(text)) {
      if (found) {
        err = '%s: ambiguous';
        fail();
      }
      found = j;
    }
  }
  jp = found;
  return check();
}

function* jobscmd(sh: ShState, argv: string[]): UserGen<number> {
  const o = new NextOpt(argv);
  let mode = 0;
  for (let m; (m = o.next('lp'));) mode = m === 'l' ? SHOW_PID : SHOW_PGID;
  const args = o.rest();
  if (args.length) for (const a of args) out1(sh, showjob(sh, getjob(sh, a, false), mode));
  else out1(sh, yield* showjobs(sh, false, 1, mode));
  return 0;
}

function* restartjob(sh: ShState, jp: Job, fg: boolean): UserGen<number> {
  if (jp.state !== JOBDONE) {
    jp.state = JOBRUNNING;
    const pgid = jp.ps[0].pid;
    if (fg) yield* tcsetpgrp(sh.ttyfd, pgid);
    yield* kill(-pgid, SIGCONT);
    for (const ps of jp.ps) if (ps.status !== -1 && (ps.status & 0xff) === 0x7f) ps.status = -1;
  }
  return fg ? yield* waitforjob(sh, jp) : 0;
}

function* fgcmd(sh: ShState, argv: string[]): UserGen<number> {
  const fg = argv[0][0] === 'f';
  const o = new NextOpt(argv);
  o.next('');
  const args = o.rest();
  let retval: number;
  let i = 0;
  do {
    const jp = getjob(sh, args[i], true);
    if (!fg) {
      setCurjob(sh, jp, 'running');
      out1(sh, `[${jp.id}] `);
    }
    out1(sh, `${jp.ps[0].cmd}${jp.ps.slice(1).map((p) => ` | ${p.cmd}`).join('')}\n`);
    yield* flushOut(sh);
    retval = yield* restartjob(sh, jp, fg);
  } while (args[i] !== undefined && args[++i] !== undefined);
  return retval;
}

/** bash wait -n [-p var] [id...]: the next job (of those named) to finish. */
function* waitNext(sh: ShState, args: string[]): UserGen<number> {
  let pvar: string | null = null;
  while (args[0] === '-n' || args[0] === '-p' || args[0] === '-f') {
    if (args[0] === '-p') { pvar = args[1] ?? null; args = args.slice(2); } else args = args.slice(1);
  }
  const wanted = args.length ? args.map((a) => (a[0] === '%' ? getjob(sh, a, false) : jobByPid(sh, number(a)))) : null;
  for (;;) {
    const jobs = (wanted ?? sh.jobOrder.map((id) => jobById(sh, id)!)).filter((j): j is Job => !!j && !j.waited);
    const done = jobs.find((j) => j.state === JOBDONE);
    if (done) {
      done.waited = true;
      if (pvar) setvar(sh, pvar, String(done.ps[done.ps.length - 1].pid));
      const st = getstatus(done);
      freejob(sh, done);
      return st;
    }
    if (!jobs.some((j) => j.state === JOBRUNNING)) return 127;
    const pid = yield* waitone(sh, DOWAIT_WAITCMD, null);
    if (pid === 0) return 128 + sh.pendingSig;
  }
}

function jobByPid(sh: ShState, pid: number): Job | undefined {
  for (const id of sh.jobOrder) {
    const j = jobById(sh, id)!;
    if (j.ps.some((p) => p.pid === pid)) return j;
  }
  return undefined;
}

function* waitcmd(sh: ShState, argv: string[]): UserGen<number> {
  if (sh.bash && (argv[1] === '-n' || argv[1] === '-p' || argv[1] === '-f')) return yield* waitNext(sh, argv.slice(1));
  const o = new NextOpt(argv);
  o.next('');
  const args = o.rest();
  if (!args.length) {
    for (;;) {
      let any = false;
      for (const id of sh.jobOrder) {
        const jp = jobById(sh, id)!;
        if (jp.state === JOBRUNNING) { any = true; break; }
        jp.waited = true;
      }
      if (!any) return 0;
      if (!(yield* dowait(sh, DOWAIT_WAITCMD_ALL, null))) return 128 + sh.pendingSig;
    }
  }
  let retval = 127;
  for (const a of args) {
    let job: Job | undefined;
    if (a[0] !== '%') {
      const pid = number(a);
      for (const id of sh.jobOrder) {
        const j = jobById(sh, id)!;
        if (j.ps[j.ps.length - 1].pid === pid) { job = j; break; }
      }
      if (!job) continue;
    } else job = getjob(sh, a, false);
    if (!(yield* dowait(sh, DOWAIT_WAITCMD, job))) return 128 + sh.pendingSig;
    job.waited = true;
    retval = getstatus(job);
  }
  return retval;
}

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

/** bash's disown [-h] [-a] [-r] [jobspec...]: forget jobs. */
function* disowncmd(sh: ShState, argv: string[]): UserGen<number> {
  let args = argv.slice(1);
  let all = false;
  let keep = false;
  let runningOnly = false;
  while (args.length && /^-[ahr]+$/.test(args[0])) {
    if (args[0].includes('a')) all = true;
    if (args[0].includes('h')) keep = true;
    if (args[0].includes('r')) runningOnly = true;
    args = args.slice(1);
  }
  let jobs: Job[];
  if (all || (!args.length && runningOnly)) jobs = sh.jobOrder.map((id) => jobById(sh, id)!);
  else if (!args.length) {
    const cur = sh.jobOrder.length ? jobById(sh, sh.jobOrder[0]) : undefined;
    if (!cur) {
      yield* warnx(sh, 'current: no such job');
      return 1;
    }
    jobs = [cur];
  } else {
    jobs = [];
    for (const a of args) {
      try {
        jobs.push(getjob(sh, a, false));
      } catch (e) {
        if (!(e instanceof ShError)) throw e;
        yield* warnx(sh, `${a}: no such job`);
        return 1;
      }
    }
  }
  if (keep) return 0;
  for (const jp of jobs) if (!runningOnly || jp.state === JOBRUNNING) freejob(sh, jp);
  return 0;
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

register('jobs', 'u', jobscmd);
register('fg bg', 'u', fgcmd);
register('wait', 'u', waitcmd);
register('kill', 'u', killcmd);
register('disown', 'uB', disowncmd);
