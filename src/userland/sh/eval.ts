// Evaluating syntax trees, after dash's eval.c: evaltree() with its EV_EXIT / EV_TESTED flags,
// `set -e` checks, traps between commands, loops with break/continue counts (evalskip), case,
// subshells, background jobs and pipelines (each element a forked child, as in dash).
import type { ArithForNode, Node, RedirNode, SubshellNode, TimeNode, Word } from './ast.ts';
import { evalArith } from './arithctx.ts';
import type { UserGen } from '../../uapi/syscalls.ts';
import { RUSAGE_CHILDREN, RUSAGE_SELF } from '../../uapi/syscalls.ts';
import { clockGettime, close, cpu, dup2, getrusage, pipe } from '../lib/sys.ts';
import { ShError, ShExit } from './errors.ts';
import { EXP_FULL, EXP_TILDE, expandArgs, expandPattern, expandString } from './expand.ts';
import { FORK_BG, FORK_FG, forkshell, makejob, waitforjob } from './jobs.ts';
import { casematch, chargeMatching } from './pattern.ts';
import { expredir, popredir, pushredir, redirect } from './redir.ts';
import type { ShState } from './state.ts';
import { ERR_TRAP, EV_EXIT, EV_TESTED, SKIPBREAK, SKIPCONT, SKIPFUNC } from './state.ts';
import { dotrap, haveTraps, runPseudoTrap } from './trap.ts';
import { lookupvar, setvar } from './vars.ts';
import { evalcommand } from './evalcmd.ts';
import { evalstring } from './evalstring.ts';
import { runChild } from './child.ts';
import { closeProcsubs } from './backcmd.ts';
import { evalArithCmd, evalCond } from './bashcond.ts';
import { err2, reportError } from './output.ts';
import { expandPrompt } from './prompt.ts';
import { BUILTINS } from './builtins/table.ts';
import { writeAll } from '../lib/io.ts';

/** Interpreter steps between cpu() charges, and the virtual time charged per step. */
const STEP_BATCH = 64;
const STEP_NS = 200;

export function* evaltree(sh: ShState, n: Node | null, flags: number): UserGen<number> {
  if (++sh.steps >= STEP_BATCH) {
    sh.steps = 0;
    yield* cpu(STEP_BATCH * STEP_NS);
  }
  let checkexit = 0;
  let status = 0;
  if (sh.opts.n || n === null) {
    if (sh.pendingSig || sh.intpending) yield* dotrap(sh, evalstring);
    if (flags & EV_EXIT) throw new ShExit(sh.exitstatus, true);
    return sh.exitstatus;
  }
  if (sh.pendingSig || sh.intpending) yield* dotrap(sh, evalstring);
  switch (n.type) {
    case 'time':
      status = yield* evaltime(sh, n, flags);
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
function skiploop(sh: ShState): number {
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

/** bash's print_select_list(): the numbered menu in columns, on stderr. */
function selectMenu(sh: ShState, list: string[]): string {
  if (!list.length) return '\n';
  const indicesLen = String(list.length).length;
  const maxElem = Math.max(...list.map((w) => w.length)) + indicesLen + 2 + 2;
  const colsVar = Number(lookupvar(sh, 'COLUMNS'));
  const COLS = Number.isInteger(colsVar) && colsVar > 0 ? colsVar : 80;
  const cols0 = Math.max(1, Math.floor(COLS / maxElem));
  let rows = Math.floor(list.length / cols0) + (list.length % cols0 ? 1 : 0);
  const cols = Math.floor(list.length / rows) + (list.length % rows ? 1 : 0);
  if (rows === 1) rows = cols;
  const firstLen = String(rows).length;
  let out = '';
  for (let row = 0; row < rows; row++) {
    let ind = row;
    let pos = 0;
    for (;;) {
      const ilen = pos === 0 ? firstLen : indicesLen;
      out += `${String(ind + 1).padStart(ilen)}) ${list[ind]}`;
      const elemLen = list[ind].length + ilen + 2;
      ind += rows;
      if (ind >= list.length) break;
      // bash's indent(): tabs to each tab stop, then spaces.
      let from = pos + elemLen;
      const to = pos + maxElem;
      while (from < to) {
        if (Math.floor(to / 8) > Math.floor(from / 8)) { out += '\t'; from += 8 - (from % 8); } else { out += ' '; from++; }
      }
      pos += maxElem;
    }
    out += '\n';
  }
  return out;
}

/** bash `select name in words; do list; done`. */
function* evalselect(sh: ShState, n: Node & { type: 'for' }, list: string[], flags: number): UserGen<number> {
  let status: number;
  let showMenu = true;
  sh.loopnest++;
  flags &= EV_TESTED;
  try {
    for (;;) {
      if (showMenu) yield* err2(selectMenu(sh, list));
      yield* err2(yield* expandPrompt(sh, lookupvar(sh, 'PS3') ?? '#? '));
      const read = BUILTINS.get('read')!;
      if ((yield* read.fn(sh, ['read'], 0)) !== 0) {
        yield* writeAll(1, '\n');
        status = 1;
        break;
      }
      const reply = lookupvar(sh, 'REPLY') ?? '';
      if (reply === '') { showMenu = true; continue; }
      showMenu = false;
      const k = /^\s*\d+\s*$/.test(reply) ? Number(reply) : 0;
      setvar(sh, n.name, k >= 1 && k <= list.length ? list[k - 1] : '');
      status = yield* evaltree(sh, n.body, flags);
      if (skiploop(sh) & ~SKIPCONT) break;
    }
  } finally {
    sh.loopnest--;
  }
  return status;
}

/** bash's print_formatted_time(): TIMEFORMAT's %[p][l]R/U/S/P. */
export function formatTime(fmt: string, realNs: number, userNs: number, sysNs: number): string {
  let out = '';
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt[i];
    if (c !== '%') { out += c; continue; }
    let j = i + 1;
    if (fmt[j] === '%') { out += '%'; i = j; continue; }
    let prec = 3;
    let long = false;
    if (fmt[j] >= '0' && fmt[j] <= '9') prec = Math.min(3, Number(fmt[j++]));
    if (fmt[j] === 'l') { long = true; j++; }
    const k = fmt[j];
    if (k === 'P') {
      const pct = realNs > 0 ? ((userNs + sysNs) * 100) / realNs : 0;
      out += pct.toFixed(2);
      i = j;
      continue;
    }
    if (k !== 'R' && k !== 'U' && k !== 'S') { out += fmt.slice(i, j + 1); i = j; continue; }
    const ns = k === 'R' ? realNs : k === 'U' ? userNs : sysNs;
    const ms = Math.floor(ns / 1e6);
    let sec = Math.floor(ms / 1000);
    const frac = String(ms % 1000).padStart(3, '0').slice(0, prec);
    if (long) {
      const min = Math.floor(sec / 60);
      sec %= 60;
      out += `${min}m${sec}${prec ? `.${frac}` : ''}s`;
    } else out += `${sec}${prec ? `.${frac}` : ''}`;
    i = j;
  }
  return out;
}

/** bash `time pipeline`: run it, then report the times on the shell's stderr. */
function* evaltime(sh: ShState, n: TimeNode, flags: number): UserGen<number> {
  // time_command(): wall clock, and getrusage() of the shell and of its children, before and after.
  const cpuNow = function* (): UserGen<[number, number]> {
    const self = yield* getrusage(RUSAGE_SELF);
    const kids = yield* getrusage(RUSAGE_CHILDREN);
    const u = (typeof self === 'number' ? 0 : self.utime) + (typeof kids === 'number' ? 0 : kids.utime);
    const s = (typeof self === 'number' ? 0 : self.stime) + (typeof kids === 'number' ? 0 : kids.stime);
    return [u, s];
  };
  const [u0, s0] = yield* cpuNow();
  const t0 = yield* clockGettime(1);
  const status = n.body ? yield* evaltree(sh, n.body, flags & ~EV_EXIT) : 0;
  const t1 = yield* clockGettime(1);
  const [u1, s1] = yield* cpuNow();
  const tf = lookupvar(sh, 'TIMEFORMAT');
  const fmt = n.posix ? 'real %2R\nuser %2U\nsys %2S' : tf ?? '\nreal\t%3lR\nuser\t%3lU\nsys\t%3lS';
  yield* err2(`${formatTime(fmt, t1 - t0, u1 - u0, s1 - s0)}\n`);
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
