// jobs, fg, bg, wait and disown, after dash's jobs.c: the "[1] + Running" listing padded to
// column 33, %n / %% / %+ / %- / %prefix / %?text job names, wait's 128+signal when a trapped
// signal interrupts it. kill is in kill.ts.
import type { UserGen } from '../../../uapi/syscalls.ts';
import { SIGCONT } from '../../../uapi/signal.ts';
import { kill, tcsetpgrp } from '../../lib/sys.ts';
import { ShError } from '../errors.ts';
import { DOWAIT_NONBLOCK, DOWAIT_WAITCMD, DOWAIT_WAITCMD_ALL, dowait, freejob, getstatus, jobById, setCurjob, waitone,
  sprintStatus, waitforjob } from '../jobs.ts';
import { flushOut, out1, warnx } from '../output.ts';
import type { Job, ShState } from '../state.ts';
import { JOBDONE, JOBRUNNING, JOBSTOPPED } from '../state.ts';
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
  // printable_job_status(): outside posix mode a stopped job is "Stopped", whatever the signal
  // (SIGSTOP from suspend or kill -STOP as much as ^Z's SIGTSTP).
  else if (jp.state === JOBSTOPPED && !sh.opts.posix) state = 'Stopped';
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
    // dash passes a NULL name to sh_error("%s"), which glibc prints as "(null)".
    throw new ShError(err.replace('%s', name ?? (sh.bash ? '' : '(null)')));
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

register('jobs', 'u', jobscmd);
register('fg bg', 'u', fgcmd);
register('wait', 'u', waitcmd);
register('disown', 'uB', disowncmd);
