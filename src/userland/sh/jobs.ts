// Processes and jobs, after dash's jobs.c: makejob/forkshell/vforkexec, waitforjob/dowait with
// wait4 (blocking, then WNOHANG until nothing is left), the "Killed"/"Segmentation fault" notes
// for foreground jobs killed by a signal, and job-control process groups when it is on.
import type { Node } from './ast.ts';
import type { UserGen } from '../../uapi/syscalls.ts';
import { EINTR } from '../../uapi/errno.ts';
import { O_RDONLY } from '../../uapi/fcntl.ts';
import { CLONE_VFORK, CLONE_VM } from '../../uapi/sched.ts';
import { SIGCHLD, SIGINT, SIGPIPE, SIGQUIT, SIGTSTP, SIGTTOU, SIG_DESCRIPTIONS, SIG_SETMASK, SIGSET_ALL } from '../../uapi/signal.ts';
import { WNOHANG, WUNTRACED, WCOREDUMP, WEXITSTATUS, WIFEXITED, WIFSTOPPED, WSTOPSIG, WTERMSIG } from '../../uapi/wait.ts';
import { close, fork, getpid, kill, open, setpgid, sigprocmask, sigsuspend, tcsetpgrp, wait4 } from '../lib/sys.ts';
import { trampoline } from '../lib/trampoline.ts';
import { ShError } from './errors.ts';
import { cmdtext } from './cmdtext.ts';
import { commandString } from './bashprint.ts';
import { err2 } from './output.ts';
import type { Job, ShState } from './state.ts';
import { JOBDONE, JOBRUNNING, JOBSTOPPED } from './state.ts';
import { forkResetTraps, ignoresig, rebindHandlers, setsignal } from './trap.ts';

export const FORK_FG = 0, FORK_BG = 1, FORK_NOJOB = 2;
export const DOWAIT_NONBLOCK = 0, DOWAIT_BLOCK = 1, DOWAIT_WAITCMD = 2, DOWAIT_WAITCMD_ALL = 4;

/** dash uses vfork() for simple commands; the kernel sees CLONE_VM|CLONE_VFORK. */
const VFORK_FLAGS = CLONE_VM | CLONE_VFORK | SIGCHLD;

export function jobById(sh: ShState, id: number): Job | undefined {
  return sh.jobs.find((j) => j.id === id);
}

/** makejob(): a new job, made the current one. */
export function makejob(sh: ShState): Job {
  let id = 1;
  // Reuse the lowest free number; done-and-waited jobs are freed first unless job control.
  for (const j of [...sh.jobs]) if (j.state === JOBDONE && j.waited && !sh.jobctl) freejob(sh, j);
  const used = new Set(sh.jobs.map((j) => j.id));
  while (used.has(id)) id++;
  const jp: Job = { id, ps: [], state: JOBRUNNING, stopstatus: 0, changed: false, waited: false, jobctl: sh.jobctl, sigint: false };
  sh.jobs.push(jp);
  sh.jobOrder.unshift(id);
  return jp;
}

export function freejob(sh: ShState, jp: Job): void {
  sh.jobs = sh.jobs.filter((j) => j !== jp);
  sh.jobOrder = sh.jobOrder.filter((i) => i !== jp.id);
}

/** set_curjob(jp, CUR_RUNNING / CUR_STOPPED). */
export function setCurjob(sh: ShState, jp: Job, mode: 'running' | 'stopped'): void {
  sh.jobOrder = sh.jobOrder.filter((i) => i !== jp.id);
  let at = 0;
  if (mode === 'running') {
    while (at < sh.jobOrder.length && jobById(sh, sh.jobOrder[at])?.state === JOBSTOPPED) at++;
  }
  sh.jobOrder.splice(at, 0, jp.id);
}

/** forkchild(): what the child side of every fork does before running its work. */
function* forkchild(sh: ShState, jp: Job | null, mode: number, vforked: boolean): UserGen<void> {
  const oldlvl = sh.shlvl;
  sh.vforked = vforked;
  if (!vforked) {
    sh.shlvl++;
    yield* forkResetTraps(sh);
    sh.jobctl = false;
  }
  if (mode !== FORK_NOJOB && jp && jp.jobctl && !oldlvl) {
    const pgrp = jp.ps.length === 0 ? yield* getpid() : jp.ps[0].pid;
    yield* setpgid(0, pgrp);
    if (mode === FORK_FG) yield* tcsetpgrp(sh.ttyfd, pgrp);
    yield* setsignal(sh, SIGTSTP);
    yield* setsignal(sh, SIGTTOU);
  } else if (mode === FORK_BG) {
    yield* ignoresig(sh, SIGINT);
    yield* ignoresig(sh, SIGQUIT);
    if (jp && jp.ps.length === 0) {
      yield* close(0);
      yield* open('/dev/null', O_RDONLY);
    }
  }
  if (!oldlvl && sh.opts.i) {
    yield* setsignal(sh, SIGINT);
    yield* setsignal(sh, SIGQUIT);
    yield* setsignal(sh, 15);
  }
  if (vforked) return;
  sh.jobs = [];
  sh.jobOrder = [];
  yield* rebindHandlers(sh);
}

function forkparent(sh: ShState, jp: Job | null, n: Node | null, mode: number, pid: number): void {
  if (pid < 0) {
    if (jp) freejob(sh, jp);
    throw new ShError('Cannot fork');
  }
  if (!jp) return;
  if (mode === FORK_BG) {
    sh.bgpid = pid;
    setCurjob(sh, jp, 'running');
  }
  // dash keeps the text only with job control; bash always, in its own printing.
  jp.ps.push({ pid, status: -1, cmd: (sh.jobctl || sh.bash) && n ? (sh.bash ? commandString(n) : cmdtext(n)) : '' });
}

/**
 * forkshell(): fork a child shell that runs `work` on its own copy of the state; the child's
 * return value is its exit status. Returns the pid in the parent.
 */
export function* forkshell(sh: ShState, jp: Job | null, n: Node | null, mode: number,
  work: (csh: ShState) => UserGen<number>): UserGen<number> {
  const csh = sh.forkClone();
  csh.trampolined = true;
  const pid = yield* fork(() => trampoline((function* () {
    yield* forkchild(csh, jp ? cloneJobRef(csh, jp) : null, mode, false);
    return yield* work(csh);
  })()));
  if (pid >= 0 && jp && mode !== FORK_NOJOB && jp.jobctl) {
    const pgrp = jp.ps.length === 0 ? pid : jp.ps[0].pid;
    yield* setpgid(pid, pgrp);
  }
  forkparent(sh, jp, n, mode, pid);
  return pid;
}

function cloneJobRef(_csh: ShState, jp: Job): Job {
  return { ...jp, ps: jp.ps.map((p) => ({ ...p })) };
}

/** vforkexec(): vfork, then exec in the child with all signals blocked across the fork. */
export function* vforkexec(sh: ShState, n: Node, exec: (csh: ShState) => UserGen<number>): UserGen<Job> {
  const jp = makejob(sh);
  yield* sigprocmask(SIG_SETMASK, SIGSET_ALL);
  const csh = sh.forkClone();
  const pid = yield* fork(function* () {
    yield* forkchild(csh, cloneJobRef(csh, jp), FORK_FG, true);
    yield* sigprocmask(SIG_SETMASK, 0);
    return yield* exec(csh);
  }, VFORK_FLAGS);
  yield* sigprocmask(SIG_SETMASK, 0);
  if (pid >= 0 && jp.jobctl) yield* setpgid(pid, jp.ps.length === 0 ? pid : jp.ps[0].pid);
  forkparent(sh, jp, n, FORK_FG, pid);
  return jp;
}

/** getstatus(): the shell status of a job (last process; 128+N for a signal). */
export function getstatus(jp: Job): number {
  const status = jp.ps[jp.ps.length - 1].status;
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  let r: number;
  if (WIFSTOPPED(status)) r = WSTOPSIG(status);
  else {
    r = WTERMSIG(status);
    if (r === SIGINT) jp.sigint = true;
  }
  return r + 128;
}

/** waitforjob(): wait for a foreground job; its status. */
export function* waitforjob(sh: ShState, jp: Job | null, pipefail = false): UserGen<number> {
  yield* dowait(sh, jp ? DOWAIT_BLOCK : DOWAIT_NONBLOCK, jp);
  if (!jp) return sh.exitstatus;
  let st = getstatus(jp);
  if (sh.bash) sh.bashDyn.pipestatus = jp.ps.map((p) => getstatus({ ...jp, ps: [p] }));
  if (pipefail && st === 0) {
    // bash set -o pipefail: the rightmost command that failed gives the status.
    for (let i = jp.ps.length - 1; i >= 0; i--) {
      const one = getstatus({ ...jp, ps: [jp.ps[i]] });
      if (one !== 0) { st = one; break; }
    }
  }
  if (jp.jobctl) {
    yield* tcsetpgrp(sh.ttyfd, sh.rootpid);
    if (jp.sigint) yield* kill(yield* getpid(), SIGINT);
  }
  if (jp.state === JOBDONE) freejob(sh, jp);
  return st;
}

/** sprint_status(): "Done", "Done(1)", "Killed", "Segmentation fault (core dumped)"... */
export function sprintStatus(status: number, sigonly: boolean): string {
  if (WIFEXITED(status)) {
    if (sigonly) return '';
    const st = WEXITSTATUS(status);
    return st ? `Done(${st})` : 'Done';
  }
  const st = WIFSTOPPED(status) ? WSTOPSIG(status) : WTERMSIG(status);
  if (sigonly && (st === SIGINT || st === SIGPIPE || WIFSTOPPED(status))) return '';
  let s = SIG_DESCRIPTIONS[st] ?? `Unknown signal ${st}`;
  if (!WIFSTOPPED(status) && WCOREDUMP(status)) s += ' (core dumped)';
  return s;
}

/** waitproc(): one wait4; WAITCMD blocks in sigsuspend so a trapped signal ends the wait. */
function* waitproc(sh: ShState, block: number): UserGen<{ pid: number; status: number }> {
  let flags = block === DOWAIT_BLOCK ? 0 : WNOHANG;
  if (sh.jobctl) flags |= WUNTRACED;
  for (;;) {
    sh.gotsigchld = false;
    let r: { pid: number; status: number } | number;
    do r = yield* wait4(-1, flags); while (r === -EINTR);
    let pid = typeof r === 'number' ? r : r.pid;
    const status = typeof r === 'number' ? 0 : r.status;
    if (pid === 0 && block !== DOWAIT_BLOCK) pid = block ? 0 : -1;
    if (pid !== 0) return { pid, status };
    yield* sigprocmask(SIG_SETMASK, SIGSET_ALL);
    while (!sh.gotsigchld && !sh.pendingSig) yield* sigsuspend(0);
    yield* sigprocmask(SIG_SETMASK, 0);
    if (!sh.gotsigchld) return { pid: 0, status: 0 };
  }
}

export function* waitone(sh: ShState, block: number, job: Job | null): UserGen<number> {
  const { pid, status } = yield* waitproc(sh, block);
  if (pid <= 0) return pid;
  let thisjob: Job | null = null;
  let state = JOBDONE;
  for (const id of sh.jobOrder) {
    const jp = jobById(sh, id)!;
    if (jp.state === JOBDONE) continue;
    state = JOBDONE;
    for (const sp of jp.ps) {
      if (sp.pid === pid) {
        sp.status = status;
        thisjob = jp;
      }
      if (sp.status === -1) state = JOBRUNNING;
      if (state === JOBRUNNING) continue;
      if (WIFSTOPPED(sp.status)) {
        jp.stopstatus = sp.status;
        state = JOBSTOPPED;
      }
    }
    if (thisjob) break;
  }
  if (thisjob && state !== JOBRUNNING) {
    thisjob.changed = true;
    if (thisjob.state !== state) {
      thisjob.state = state;
      if (state === JOBSTOPPED) setCurjob(sh, thisjob, 'stopped');
    }
  }
  if (thisjob && thisjob === job) {
    const s = sprintStatus(status, true);
    if (s) yield* err2(`${s}\n`);
  }
  return pid;
}

/** dowait(): reap until nothing more is ready. Returns 0 if a signal interrupted `wait`. */
export function* dowait(sh: ShState, block: number, jp: Job | null): UserGen<number> {
  if (jp && jp.state !== JOBRUNNING) block = DOWAIT_NONBLOCK;
  if (block === DOWAIT_NONBLOCK && !sh.gotsigchld) return 1;
  let rpid = 1;
  let pid: number;
  do {
    pid = yield* waitone(sh, block, jp);
    rpid &= pid ? 1 : 0;
    block &= ~DOWAIT_WAITCMD_ALL;
    if (!pid || (jp && jp.state !== JOBRUNNING)) block = DOWAIT_NONBLOCK;
  } while (pid >= 0);
  return rpid;
}

