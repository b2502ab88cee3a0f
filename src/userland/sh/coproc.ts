// bash's coproc (execute_cmd.c execute_coproc, coproc_setvars, coproc_reap): the command runs
// asynchronously with its standard input and output on two pipes; the shell keeps the other
// ends, moved to the highest free descriptors below 64 (sh_openpipe's move_to_high_fd), and
// puts them in NAME[0] (read) and NAME[1] (write), the pid in NAME_PID and $!. One coprocess at
// a time, as bash builds it (MULTIPLE_COPROCS 0): starting another while the first lives warns.
// When the coprocess is found dead (its job done or waited for) the variables are unset and the
// descriptors closed before the next command, as coproc_reap() does after each command.
import type { UserGen } from '../../uapi/syscalls.ts';
import { F_GETFD, F_SETFD } from '../../uapi/fcntl.ts';
import { close, dup2, fcntl, pipe } from '../lib/sys.ts';
import type { CoprocNode, Node } from './ast.ts';
import { makeArray, setElement } from './basharray.ts';
import { runChild } from './child.ts';
import { ShError } from './errors.ts';
import { FORK_BG, forkshell, makejob } from './jobs.ts';
import { warnx } from './output.ts';
import type { ShState } from './state.ts';
import { EV_EXIT, EV_TESTED, JOBDONE } from './state.ts';
import { setvar, unsetvar } from './vars.ts';

type EvalTree = (sh: ShState, n: Node | null, flags: number) => UserGen<number>;

/** move_to_high_fd(fd, 1, 64): the highest free descriptor below 64 takes fd's place. */
function* toHighFd(fd: number): UserGen<number> {
  for (let n = 63; n > 3; n--) {
    if ((yield* fcntl(n, F_GETFD)) >= 0) continue;
    yield* dup2(fd, n);
    yield* close(fd);
    return n;
  }
  return fd;
}

function* openPipe(): UserGen<[number, number]> {
  const p = yield* pipe();
  if (typeof p === 'number') throw new ShError('cannot make pipe for coprocess: Too many open files', 1);
  return [yield* toHighFd(p[0]), yield* toHighFd(p[1])];
}

function alive(sh: ShState, pid: number): boolean {
  const j = sh.jobs.find((jp) => jp.ps.some((p) => p.pid === pid));
  return !!j && j.state !== JOBDONE;
}

/** coproc_fdchk(): a redirection closed fd (n>&-, even for one command): if it is one of the
 * coprocess's, bash forgets it and NAME shows -1 there. */
export function coprocFdClosed(sh: ShState, fd: number): void {
  const cp = sh.coproc;
  if (!cp || (cp.rfd !== fd && cp.wfd !== fd)) return;
  if (cp.rfd === fd) cp.rfd = -1;
  if (cp.wfd === fd) cp.wfd = -1;
  setElement(sh, cp.name, '0', String(cp.rfd), false);
  setElement(sh, cp.name, '1', String(cp.wfd), false);
}

/** coproc_reap(): a dead coprocess's variables go and its descriptors are closed. */
export function* reapCoproc(sh: ShState): UserGen<void> {
  const cp = sh.coproc;
  if (!cp || alive(sh, cp.pid)) return;
  sh.coproc = null;
  unsetvar(sh, `${cp.name}_PID`);
  unsetvar(sh, cp.name);
  if (cp.rfd >= 0) yield* close(cp.rfd);
  if (cp.wfd >= 0) yield* close(cp.wfd);
}

export function* evalcoproc(sh: ShState, n: CoprocNode, flags: number, evaltree: EvalTree): UserGen<number> {
  sh.errlinno = sh.lineno = n.line;
  if (sh.funcline) sh.lineno -= sh.funcline - 1;
  yield* reapCoproc(sh);
  const old = sh.coproc;
  if (old && (old.rfd >= 0 || old.wfd >= 0)) {
    // internal_warning(): "NAME: line N: warning: ...", no command name.
    const saved = sh.commandname;
    sh.commandname = null;
    yield* warnx(sh, `warning: execute_coproc: coproc [${old.pid}:${old.name}] still exists`);
    sh.commandname = saved;
  }
  // coproc_init(): bash forgets the old one (its descriptors stay open).
  sh.coproc = null;
  const rpipe = yield* openPipe(); // 0: the shell reads, 1: the coprocess writes
  const wpipe = yield* openPipe(); // 0: the coprocess reads, 1: the shell writes
  const jp = makejob(sh);
  const job: Node = { type: 'bg', line: n.line, body: n, redirs: [] };
  const pid = yield* forkshell(sh, jp, job, FORK_BG, (csh) => runChild(csh, function* (c) {
    c.coproc = null;
    yield* close(rpipe[0]);
    yield* close(wpipe[1]);
    yield* dup2(wpipe[0], 0);
    yield* dup2(rpipe[1], 1);
    yield* close(wpipe[0]);
    yield* close(rpipe[1]);
    return yield* evaltree(c, n.body, (flags | EV_EXIT) & ~EV_TESTED);
  }));
  yield* close(rpipe[1]);
  yield* close(wpipe[0]);
  yield* fcntl(rpipe[0], F_SETFD, 1);
  yield* fcntl(wpipe[1], F_SETFD, 1);
  sh.coproc = { name: n.name, pid, rfd: rpipe[0], wfd: wpipe[1] };
  makeArray(sh, n.name, false);
  setElement(sh, n.name, '0', String(rpipe[0]), false);
  setElement(sh, n.name, '1', String(wpipe[1]), false);
  setvar(sh, `${n.name}_PID`, String(pid));
  return 0;
}
