// Evaluating syntax trees, after dash's eval.c: evaltree() with its EV_EXIT / EV_TESTED flags,
// `set -e` checks, traps between commands, loops with break/continue counts (evalskip), case,
// subshells, background jobs and pipelines (each element a forked child, as in dash).
import type { ArithForNode, Node, RedirNode, SubshellNode, Word } from './ast.ts';
import { evalArith } from './arithctx.ts';
import type { UserGen } from '../../uapi/syscalls.ts';
import { close, cpu, dup2, pipe } from '../lib/sys.ts';
import { ShError, ShExit } from './errors.ts';
import { EXP_FULL, EXP_TILDE, expandArgs, expandPattern, expandString } from './expand.ts';
import { FORK_BG, FORK_FG, forkshell, makejob, waitforjob } from './jobs.ts';
import { casematch, chargeMatching } from './pattern.ts';
import { expredir, popredir, pushredir, redirect } from './redir.ts';
import type { ShState } from './state.ts';
import { ERR_TRAP, EV_EXIT, EV_TESTED, SKIPBREAK, SKIPCONT, SKIPFUNC } from './state.ts';
import { dotrap, haveTraps, runPseudoTrap } from './trap.ts';
import { setvar } from './vars.ts';
import { evalcommand } from './evalcmd.ts';
import { evalstring } from './evalstring.ts';
import { runChild } from './child.ts';
import { closeProcsubs } from './backcmd.ts';
import { evalArithCmd, evalCond } from './bashcond.ts';
import { evalselect, evaltime } from './evalbash.ts';
import { reportError } from './output.ts';
import { evalcoproc, reapCoproc } from './coproc.ts';

/** Interpreter steps between cpu() charges, and the virtual time charged per step. */
const STEP_BATCH = 64;
const STEP_NS = 200;

export function* evaltree(sh: ShState, n: Node | null, flags: number): UserGen<number> {
  if (++sh.steps >= STEP_BATCH) {
    // Assignments of long values add steps of their own (vars.ts), so this may be over a batch.
    const steps = sh.steps;
    sh.steps = 0;
    yield* cpu(steps * STEP_NS);
  }
  let checkexit = 0;
  let status = 0;
  if (sh.opts.n || n === null) {
    if (sh.pendingSig || sh.intpending) yield* dotrap(sh, evalstring);
    if (flags & EV_EXIT) throw new ShExit(sh.exitstatus, true);
    return sh.exitstatus;
  }
  if (sh.pendingSig || sh.intpending) yield* dotrap(sh, evalstring);
  if (sh.coproc) yield* reapCoproc(sh);
  switch (n.type) {
    case 'time':
      status = yield* evaltime(sh, n, flags);
      break;
    case 'coproc':
      status = yield* evalcoproc(sh, n, flags, evaltree);
      break;
    case 'group':
      status = yield* evaltree(sh, n.body, flags);
      break;
    case 'not':
      status = yield* evaltree(sh, n.body, EV_TESTED);
      if (!sh.evalskip) status = status ? 0 : 1;
      break;
    case 'redir': {
      sh.errlinno = sh.lineno = n.line;
      if (sh.funcline) sh.lineno -= sh.funcline - 1;
      const mark = sh.procsubFds.length;
      const ready = yield* expredir(sh, n.redirs);
      pushredir(sh);
      status = 0;
      try {
        yield* redirect(sh, ready, true);
      } catch (e) {
        if (!(e instanceof ShError)) throw e;
        yield* reportError(sh, e);
        status = sh.bash ? 1 : 2;
      }
      try {
        if (status) checkexit = EV_TESTED;
        else status = yield* evaltree(sh, n.body, flags & EV_TESTED);
      } catch (e) {
        if (e instanceof ShError) yield* reportError(sh, e);
        throw e;
      } finally {
        yield* popredir(sh);
        if (sh.procsubFds.length > mark) yield* closeProcsubs(sh, mark);
      }
      break;
    }
    case 'cmd':
      checkexit = EV_TESTED;
      status = yield* evalcommand(sh, n, flags);
      break;
    case 'for':
      status = yield* evalfor(sh, n, flags);
      break;
    case 'while': case 'until':
      status = yield* evalloop(sh, n, flags);
      break;
    case 'subshell': case 'bg':
      checkexit = EV_TESTED;
      status = yield* evalsubshell(sh, n, flags);
      break;
    case 'pipe':
      checkexit = EV_TESTED;
      status = yield* evalpipe(sh, n, flags);
      break;
    case 'case':
      status = yield* evalcase(sh, n, flags);
      break;
    case 'and': case 'or': case 'semi': {
      const isor = n.type === 'and' ? 0 : n.type === 'or' ? 1 : 2;
      status = yield* evaltree(sh, n.left, isor < 2 ? EV_TESTED : flags & EV_TESTED);
      if ((status === 0 ? 1 : 0) === isor || sh.evalskip) break;
      status = yield* evaltree(sh, n.right, flags);
      // dash: the right-hand side's own evaltree already checked -e and EV_EXIT.
      return status;
    }
    case 'if':
      status = yield* evaltree(sh, n.cond, EV_TESTED);
      if (sh.evalskip) break;
      if (!status) return yield* evaltree(sh, n.then, flags);
      if (n.else) return yield* evaltree(sh, n.else, flags);
      status = 0;
      break;
    case 'func':
      sh.funcs.set(n.name, n);
      if (sh.bash) sh.funcSrc.set(n.name, sh.currentSource());
      status = 0;
      break;
    case 'cond':
      checkexit = EV_TESTED;
      status = yield* evalCond(sh, n);
      break;
    case 'arithcmd':
      checkexit = EV_TESTED;
      status = yield* evalArithCmd(sh, n);
      break;
    case 'arithfor':
      status = yield* evalArithFor(sh, n, flags);
      break;
  }
  sh.exitstatus = status;
  // dash's "out:" label: traps, then `set -e` and EV_EXIT.
  if (sh.pendingSig || sh.intpending) yield* dotrap(sh, evalstring);
  // bash's ERR trap: where `set -e` would act.
  if (status && (~flags & checkexit) && sh.traps[ERR_TRAP] && !sh.evalskip) yield* runPseudoTrap(sh, ERR_TRAP, evalstring);
  if ((sh.opts.e && (~flags & checkexit) && status) || (flags & EV_EXIT)) {
    throw new ShExit(sh.exitstatus, true);
  }
  return sh.exitstatus;
}

/** skiploop(): consume one level of break/continue. */
export function skiploop(sh: ShState): number {
  let skip = sh.evalskip;
  if (skip === SKIPBREAK || skip === SKIPCONT) {
    if (--sh.skipcount <= 0) sh.evalskip = 0;
    else skip = SKIPBREAK;
  }
  return skip;
}

function* evalloop(sh: ShState, n: Node & { type: 'while' | 'until' }, flags: number): UserGen<number> {
  sh.loopnest++;
  let status = 0;
  flags &= EV_TESTED;
  let skip: number;
  try {
    do {
      let i = yield* evaltree(sh, n.cond, EV_TESTED);
      skip = skiploop(sh);
      if (skip === SKIPFUNC) status = i;
      if (skip) continue;
      if (n.type !== 'while') i = i ? 0 : 1;
      if (i !== 0) break;
      status = yield* evaltree(sh, n.body, flags);
      skip = skiploop(sh);
    } while (!(skip & ~SKIPCONT));
  } finally {
    sh.loopnest--;
  }
  return status;
}

/** bash `for (( init; test; step ))`. */
function* evalArithFor(sh: ShState, n: ArithForNode, flags: number): UserGen<number> {
  const ev = function* (w: Word): UserGen<bigint | null> {
    const s = yield* expandString(sh, w, 0);
    return s.trim() === '' ? null : evalArith(sh, s);
  };
  let status = 0;
  sh.loopnest++;
  flags &= EV_TESTED;
  try {
    yield* ev(n.init);
    for (;;) {
      const t = yield* ev(n.test);
      if (t === 0n) break;
      status = yield* evaltree(sh, n.body, flags);
      if (skiploop(sh) & ~SKIPCONT) break;
      yield* ev(n.step);
    }
  } finally {
    sh.loopnest--;
  }
  return status;
}

function* evalfor(sh: ShState, n: Node & { type: 'for' }, flags: number): UserGen<number> {
  sh.errlinno = sh.lineno = n.line;
  if (sh.funcline) sh.lineno -= sh.funcline - 1;
  const list = n.words === null ? sh.params.slice() : yield* expandArgs(sh, n.words, EXP_FULL | EXP_TILDE);
  if (n.select) return yield* evalselect(sh, n, list, flags);
  let status = 0;
  sh.loopnest++;
  flags &= EV_TESTED;
  try {
    for (const v of list) {
      setvar(sh, n.name, v);
      status = yield* evaltree(sh, n.body, flags);
      if (skiploop(sh) & ~SKIPCONT) break;
    }
  } finally {
    sh.loopnest--;
  }
  return status;
}

function* evalcase(sh: ShState, n: Node & { type: 'case' }, flags: number): UserGen<number> {
  sh.errlinno = sh.lineno = n.line;
  if (sh.funcline) sh.lineno -= sh.funcline - 1;
  const word = yield* expandString(sh, n.word, EXP_TILDE);
  let status = 0;
  let fall = false;
  for (let i = 0; i < n.items.length && sh.evalskip === 0; i++) {
    const item = n.items[i];
    let matched = fall;
    if (!matched) {
      for (const p of item.patterns) {
        matched = casematch(sh, yield* expandPattern(sh, p), word);
        yield* chargeMatching();
        if (matched) break;
      }
    }
    if (!matched) continue;
    // A body that falls through to more is not the last thing the shell runs.
    const more = item.term === ';&' || item.term === ';;&';
    if (sh.evalskip === 0 && item.body) status = yield* evaltree(sh, item.body, more ? flags & ~EV_EXIT : flags);
    // bash: ;& runs the next body too; ;;& tests the next patterns.
    if (item.term === ';&') { fall = true; continue; }
    fall = false;
    if (item.term === ';;&') continue;
    break;
  }
  return status;
}

/** evalsubshell(): ( list ) and `cmd &` run in a forked child. */
function* evalsubshell(sh: ShState, n: SubshellNode | RedirNode, flags: number): UserGen<number> {
  const bg = n.type === 'bg';
  sh.errlinno = sh.lineno = n.line;
  if (sh.funcline) sh.lineno -= sh.funcline - 1;
  const ready = yield* expredir(sh, n.redirs);
  const work = function* (csh: ShState): UserGen<number> {
    if (!bg) csh.bashDyn.subshell++;
    yield* redirect(csh, ready, false);
    return yield* evaltree(csh, n.body, bg ? (flags | EV_EXIT) & ~EV_TESTED : flags | EV_EXIT);
  };
  if (!bg && (flags & EV_EXIT) && !haveTraps(sh)) {
    // Already in a child that will exit: no need to fork again.
    return yield* work(sh);
  }
  const jp = makejob(sh);
  yield* forkshell(sh, jp, n, bg ? FORK_BG : FORK_FG, (csh) => runChild(csh, work));
  if (bg) return 0;
  return yield* waitforjob(sh, jp);
}

/** evalpipe(): every element is a forked child; wait for the last unless in the background. */
function* evalpipe(sh: ShState, n: Node & { type: 'pipe' }, flags: number): UserGen<number> {
  flags |= EV_EXIT;
  const jp = makejob(sh);
  let prevfd = -1;
  for (let i = 0; i < n.cmds.length; i++) {
    const cmd = n.cmds[i];
    let pip: [number, number] = [-1, -1];
    if (i < n.cmds.length - 1) {
      const p = yield* pipe();
      if (typeof p === 'number') {
        if (prevfd >= 0) yield* close(prevfd);
        throw new ShError('Pipe call failed');
      }
      pip = p;
    }
    const pfd = prevfd;
    const wp = pip;
    yield* forkshell(sh, jp, cmd, n.bg ? FORK_BG : FORK_FG, (csh) => runChild(csh, function* (c) {
      if (wp[1] >= 0) yield* close(wp[0]);
      if (pfd > 0) {
        yield* dup2(pfd, 0);
        yield* close(pfd);
      }
      if (wp[1] > 1) {
        yield* dup2(wp[1], 1);
        yield* close(wp[1]);
      }
      return yield* evaltree(c, cmd, flags);
    }));
    if (prevfd >= 0) yield* close(prevfd);
    prevfd = pip[0];
    if (pip[1] >= 0) yield* close(pip[1]);
  }
  if (n.bg) return 0;
  return yield* waitforjob(sh, jp, sh.bash && !!sh.opts.pipefail);
}
