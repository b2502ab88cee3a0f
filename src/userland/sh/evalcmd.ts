// Simple commands, after dash's evalcommand() and evalbltin(): expand the words (lazily, so
// `command` and the assignment-like arguments of export/local/readonly are recognised), apply
// redirections, make prefix assignments (temporary for builtins and functions, exported for
// programs), trace with set -x, then run a builtin in-process, a function (evalfun.ts), or a
// program through vfork+execve (or execve directly when this is the last thing a child shell does).
import type { CmdNode, Word } from './ast.ts';
import type { UserGen } from '../../uapi/syscalls.ts';
import { ShError, ShExit, SyntaxErr } from './errors.ts';
import { DEFPATH, DO_ERR, DO_NOFUNC, DO_REGBLTIN, findCommand, pathval, shellexec } from './exec.ts';
import type { CmdEntry } from './exec.ts';
import { EXP_FULL, EXP_TILDE, EXP_VARTILDE, expandArgs, expandString } from './expand.ts';
import { vforkexec, waitforjob } from './jobs.ts';
import { errPrefix, errStatus, flushOut, reportError, warnx } from './output.ts';
import { isAssignment } from './assignword.ts';
import { expredir, popredir, pushredir, redirect } from './redir.ts';
import type { ShState } from './state.ts';
import { DEBUG_TRAP, EV_EXIT, VEXPORT, VINTEGER } from './state.ts';
import { haveTraps, runPseudoTrap } from './trap.ts';
import { mklocal, poplocals, setvar, setvareq, lookupvar } from './vars.ts';
import { expandPrompt } from './prompt.ts';
import { writeAll } from '../lib/io.ts';
import { evalfun } from './evalfun.ts';
import { strerror } from '../../uapi/errno.ts';
import { bashAssign } from './bashexpand.ts';
import { setElement } from './basharray.ts';
import { evalArith } from './arithctx.ts';
import { evalstring } from './evalstring.ts';
import { closeProcsubs } from './backcmd.ts';
import { commandString } from './bashprint.ts';

/** parse_command_args(): skip `command`'s -p and --; 0 means run `command` itself (-v/-V). */
function parseCommandArgs(argv: string[], pos: number, path: { p: string | null }): number {
  let i = pos + 1;
  for (;;) {
    const a = argv[i];
    if (a === undefined) return 0;
    if (a[0] !== '-' || a === '-') break;
    if (a === '--') {
      i++;
      if (argv[i] === undefined) return 0;
      break;
    }
    for (const c of a.slice(1)) {
      if (c === 'p') path.p = DEFPATH;
      else return 0;
    }
    i++;
  }
  return i;
}

function* evalcommand1(sh: ShState, cmd: CmdNode, flags: number): UserGen<number> {
  sh.errlinno = sh.lineno = cmd.line;
  if (sh.funcline) sh.lineno -= sh.funcline - 1;
  if (sh.traps[DEBUG_TRAP] && !sh.inPseudoTrap) {
    // bash's DEBUG trap, before each simple command, with BASH_COMMAND set to it.
    setvar(sh, 'BASH_COMMAND', commandString(cmd));
    yield* runPseudoTrap(sh, DEBUG_TRAP, evalstring);
    sh.errlinno = sh.lineno = cmd.line;
    if (sh.funcline) sh.lineno -= sh.funcline - 1;
  }
  sh.backExitstatus = 0;
  let entry: CmdEntry = { type: 'builtin', b: NOCMD, name: '' };
  let spclbltin = -1;
  let vlocal = 0;
  let execcmd = false;
  let cmdFlag = 0;
  const path: { p: string | null } = { p: null };
  let vflags = 0;
  const argv: string[] = [];
  const words = cmd.args;
  let wi = 0;
  let pos = 0;
  while (argv.length === 0 && wi < words.length) argv.push(...(yield* expandArgs(sh, [words[wi++]])));
  if (argv.length > 0) {
    let pseudovar = false;
    for (;;) {
      entry = yield* findCommand(sh, argv[pos], cmdFlag | DO_REGBLTIN, pathval(sh));
      vlocal = 1;
      if (entry.type !== 'builtin') break;
      pseudovar = entry.b.assign;
      if (spclbltin < 0) {
        spclbltin = entry.b.special ? 1 : 0;
        vlocal = spclbltin ^ 1;
      }
      execcmd = entry.b.name === 'exec';
      if (entry.b.name !== 'command') break;
      while (wi < words.length) argv.push(...(yield* expandArgs(sh, [words[wi++]])));
      const np = parseCommandArgs(argv, pos, path);
      if (!np) break;
      pos = np;
      cmdFlag = DO_NOFUNC;
    }
    for (; wi < words.length; wi++) {
      const w = words[wi];
      if (pseudovar && sh.bash && w.some((p) => p.k === 'array')) {
        // bash: `local a=(1 2)` / `declare -a a=(...)`: assign the array here.
        const cmdName = argv[pos];
        const local = cmdName === 'local' || ((cmdName === 'declare' || cmdName === 'typeset') && sh.funcnames.length > 0 && !argv.includes('-g'));
        const assoc = argv.slice(pos + 1).some((a) => /^-[A-Za-z]*A/.test(a));
        const name = yield* bashAssign(sh, w, local, assoc);
        if (cmdName !== 'local') {
          (sh.preassigned ??= new Set()).add(name);
          argv.push(name);
        }
        continue;
      }
      if (pseudovar && isAssignment(w)) argv.push(yield* expandString(sh, w, EXP_VARTILDE));
      else argv.push(...(yield* expandArgs(sh, [w], EXP_FULL | EXP_TILDE)));
    }
    if (execcmd && argv.length - pos > 1) vflags = VEXPORT;
  }
  const args = pos ? argv.slice(pos) : argv;
  const pushedLocals = vlocal !== 0;
  if (pushedLocals) sh.locals.push([]);
  let badLocal: ShError | null = null;
  const hasRedir = cmd.redirs.length > 0;
  const savedXtrace = sh.xtraceFd;
  let status = 0;
  const assigned: string[] = [];
  // POSIX (and bash) expand a command without a name's assignments before its redirections;
  // dash does the redirections first.
  const assignFirst = sh.bash && args.length === 0;
  if (hasRedir) pushredir(sh);
  try {
    sh.xtraceFd = 2;
    if (assignFirst && cmd.assigns.length) yield* doAssigns(sh, cmd.assigns, vlocal, vflags, assigned);
    let redirFailed = false;
    if (hasRedir) {
      const ready = yield* expredir(sh, cmd.redirs);
      try {
        yield* redirect(sh, ready, true);
        const saved2 = sh.redirlist[sh.redirlist.length - 1].renamed.get(2);
        if (saved2 !== undefined && saved2 >= 0) sh.xtraceFd = saved2;
      } catch (e) {
        if (!(e instanceof ShError)) throw e;
        yield* reportError(sh, e);
        redirFailed = true;
      }
    }
    if (redirFailed) {
      status = sh.exitstatus = sh.bash ? 1 : 2;
      if (spclbltin > 0) throw new ShError('redirection failed', 2).printed();
      return status;
    }
    if (!assignFirst && cmd.assigns.length) yield* doAssigns(sh, cmd.assigns, vlocal, vflags, assigned);
    // evalcommand() traces arglist.list, the words before parse_command_args() too.
    if (sh.opts.x && !sh.inps4) yield* xtrace(sh, assigned, argv);
    if (args.length > 0 && (entry.type !== 'builtin' || !entry.b.regular)) {
      entry = yield* findCommand(sh, args[0], cmdFlag | DO_ERR, path.p ?? pathval(sh));
    }
    switch (entry.type) {
      case 'unknown':
        status = sh.exitstatus = 127;
        break;
      case 'normal': {
        const usePath = path.p ?? pathval(sh);
        if (sh.bash && path.p === null && sh.cmdhash.has(args[0])) sh.cmdhits.set(args[0], (sh.cmdhits.get(args[0]) ?? 0) + 1);
        const idx = entry.index;
        if (!(flags & EV_EXIT) || haveTraps(sh)) {
          const jp = yield* vforkexec(sh, cmd, function* (csh) {
            const r = yield* shellexec(csh, args, usePath, idx);
            yield* warnx(csh, r.msg);
            return r.status;
          });
          status = yield* waitforjob(sh, jp);
          break;
        }
        const r = yield* shellexec(sh, args, usePath, idx);
        sh.exitstatus = r.status;
        yield* warnx(sh, r.msg);
        throw new ShExit(r.status, true);
      }
      case 'builtin': {
        const raised = yield* evalbltin(sh, entry, args.length ? args : [''], flags);
        // bash (outside POSIX mode) survives errors of special builtins too.
        // bash: a builtin's jump_to_top_level(DISCARD) (no_args()) abandons the command line.
        if (raised && !(raised instanceof ShError && !(sh.bash && raised.discard) && (spclbltin <= 0 || sh.bash))) throw raised;
        status = sh.exitstatus;
        break;
      }
      case 'function':
        status = yield* evalfun(sh, entry.body, args, flags);
        // bash: back at the call, its line again (the ERR trap and LINENO see it). dash's
        // evalfun() leaves errlinno at the function's last command (poplocalvars() errors).
        if (sh.bash) {
          sh.errlinno = sh.lineno = cmd.line;
          if (sh.funcline) sh.lineno -= sh.funcline - 1;
        }
        break;
    }
  } catch (e) {
    // dash prints an error where it is raised, so with this command's redirections in place.
    if (hasRedir && e instanceof ShError) yield* reportError(sh, e);
    throw e;
  } finally {
    sh.preassigned = null;
    sh.xtraceFd = savedXtrace;
    if (hasRedir) yield* popredir(sh, execcmd);
    if (pushedLocals) badLocal = poplocals(sh);
  }
  if (badLocal) throw badLocal;
  if (sh.bash) bindLastarg(sh, args.length ? args[args.length - 1] : '');
  else if (sh.opts.i && sh.funcline === 0 && args.length > 0) setvar(sh, '_', args[args.length - 1]);
  if (sh.bash) sh.bashDyn.pipestatus = [status];
  return status;
}

/**
 * bash's bind_lastarg(): after every simple command, in scripts too, $_ is its last argument ('' for
 * one with no words), never exported (the command's own environment gets `_=PATH`: exec.ts).
 */
function bindLastarg(sh: ShState, arg: string): void {
  setvar(sh, '_', arg);
  const v = sh.vars.get('_');
  if (v) v.flags &= ~VEXPORT;
}

export function* evalcommand(sh: ShState, cmd: CmdNode, flags: number): UserGen<number> {
  const mark = sh.procsubFds.length;
  try {
    return yield* evalcommand1(sh, cmd, flags);
  } finally {
    if (sh.procsubFds.length > mark) yield* closeProcsubs(sh, mark);
  }
}

/** The command's prefix assignments: local to it (exported) when vlocal, else for good. */
function* doAssigns(sh: ShState, assigns: Word[], vlocal: number, vflags: number, assigned: string[]): UserGen<void> {
  for (const a of assigns) {
    try {
      assigned.push(yield* expandAssign(sh, a, vlocal ? VEXPORT : vflags, vlocal !== 0));
    } catch (e) {
      // bash: a failed assignment (read-only variable) abandons the rest of the command line
      // (jump_to_top_level(DISCARD)), not the shell.
      if (sh.bash && e instanceof ShError && e.message.endsWith('is read only')) e.discard = true;
      throw e;
    }
  }
}

/** An assignment word: `name=value` expanded with tildes after = and :. */
function* expandAssign(sh: ShState, w: Word, flags: number, local: boolean): UserGen<string> {
  if (sh.bash && w.some((p) => p.k === 'array')) {
    return yield* bashAssign(sh, w, local);
  }
  const text = yield* expandString(sh, w, EXP_VARTILDE);
  const elem = sh.bash ? /^([A-Za-z_][A-Za-z0-9_]*)\[([^\]]*)\](\+?)=([\s\S]*)$/.exec(text) : null;
  if (elem) {
    setElement(sh, elem[1], elem[2], elem[4], elem[3] === '+');
    return text;
  }
  if (sh.bash && /^[A-Za-z_][A-Za-z0-9_]*\+=/.test(text)) {
    const i = text.indexOf('+=');
    const name = text.slice(0, i);
    const old = lookupvar(sh, name) ?? '';
    const integer = ((sh.vars.get(name)?.flags ?? 0) & VINTEGER) !== 0;
    const full = integer ? `${name}=${evalArith(sh, `(${old || 0}) + (${text.slice(i + 2)})`)}` : `${name}=${old}${text.slice(i + 2)}`;
    if (local) mklocal(sh, full, flags);
    else setvareq(sh, full, flags);
    return text;
  }
  if (sh.bash) {
    const eq = text.indexOf('=');
    const v = sh.vars.get(text.slice(0, eq));
    if (v && v.flags & VINTEGER) {
      const val = evalArith(sh, text.slice(eq + 1)).toString();
      if (local) mklocal(sh, `${text.slice(0, eq)}=${val}`, flags);
      else setvareq(sh, `${text.slice(0, eq)}=${val}`, flags);
      return text;
    }
  }
  if (local) mklocal(sh, text, flags);
  else setvareq(sh, text, flags);
  return text;
}

/** set -x: PS4, then the assignments and words, to the shell's original stderr. */
function* xtrace(sh: ShState, assigns: string[], args: string[]): UserGen<void> {
  sh.inps4 = true;
  let ps4: string;
  try {
    ps4 = yield* expandPrompt(sh, lookupvar(sh, 'PS4') ?? '');
  } finally {
    sh.inps4 = false;
  }
  const words = [...assigns, ...args];
  yield* writeAll(sh.xtraceFd, `${ps4}${words.join(' ')}\n`);
}

/** A builtin's result: the error it raised, if any (dash's setjmp value in evalbltin). */
export function* evalbltin(sh: ShState, entry: CmdEntry & { type: 'builtin' }, argv: string[], flags: number): UserGen<Error | null> {
  const savecmd = sh.commandname;
  sh.commandname = argv[0] === '' ? null : argv[0];
  let raised: Error | null = null;
  try {
    let status = yield* entry.b.fn(sh, argv, flags);
    const e = yield* flushOut(sh);
    if (e < 0) {
      // bash's sh_wrerror() names the error and prints no line number.
      if (sh.bash) yield* writeAll(2, `${sh.arg0}: ${sh.commandname}: write error: ${strerror(-e)}\n`);
      else yield* warnx(sh, `${sh.commandname}: I/O error`);
      status |= 1;
    }
    sh.exitstatus = status;
  } catch (e) {
    if (e instanceof ShError) {
      // dash's synerror() sets errlinno = plinno: the line of the parse that failed (within an
      // eval string, its own line), not the line of the last command run.
      if (e.prefix === undefined && e instanceof SyntaxErr) sh.errlinno = e.line;
      if (e.prefix === undefined) e.prefix = errPrefix(sh);
      yield* reportError(sh, e);
      // dash's exverror(): the message, then flushall() before the longjmp, so what the builtin
      // had buffered (printf's text before a bad directive) is still written, after the message.
      yield* flushOut(sh);
      sh.exitstatus = errStatus(sh, e);
    }
    sh.out1 = '';
    if (!(e instanceof Error)) throw e;
    raised = e;
  } finally {
    sh.commandname = savecmd;
  }
  return raised;
}

/** The builtin dash runs for a command that is only assignments and redirections. */
const NOCMD = {
  name: '', special: false, regular: true, assign: false,
   
  *fn(sh: ShState): UserGen<number> {
    return sh.backExitstatus;
  },
};

export { flushOut };
