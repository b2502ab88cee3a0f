// Builtins tied to evaluation (dash's eval.c, main.c, options.c, var.c): : true false break
// continue return exit eval . exec command shift set export readonly local unset getopts.
import type { UserGen } from '../../../uapi/syscalls.ts';
import { ShError, ShExit } from '../errors.ts';
import { DEFPATH, describeCommand, pathval, shellexec } from '../exec.ts';
import { evalstring } from '../evalstring.ts';
import { out1, warnx } from '../output.ts';
import type { ShState } from '../state.ts';
import { SKIPBREAK, SKIPCONT, SKIPFUNC, SKIPFUNCDEF, VEXPORT, VNAMEREF, VREADONLY, EV_TESTED } from '../state.ts';
import { mklocal, setvar, showvars, unsetvar, nameLength } from '../vars.ts';
import { NextOpt } from './nextopt.ts';
import { register } from './table.ts';
import { unsetElement } from '../basharray.ts';
import { dotFile } from '../cmdloop.ts';
import { optschanged } from '../options.ts';
import { declareImpl, declareLine } from './bash.ts';

/** dash's number(): a non-negative decimal int, else "Illegal number: x". */
export function number(s: string): number {
  // strtoimax() needs a digit after the sign: "-" alone is no number, "-0" is 0.
  if (!/^\s*\+?\d+\s*$/.test(s) && !/^\s*-0+\s*$/.test(s)) throw new ShError(`Illegal number: ${s}`);
  const n = Number(s.trim());
  if (n < 0 || n > 0x7fffffff) throw new ShError(`Illegal number: ${s}`);
  return n;
}

 
function* truecmd(): UserGen<number> {
  return 0;
}
 
function* falsecmd(): UserGen<number> {
  return 1;
}

 
function* breakcmd(sh: ShState, argv: string[]): UserGen<number> {
  if (sh.bash && sh.loopnest === 0) {
    yield* warnx(sh, "only meaningful in a `for', `while', or `until' loop");
    return 0;
  }
  let n = argv.length > 1 ? number(argv[1]) : 1;
  if (n <= 0) throw new ShError(`Illegal number: ${argv[1]}`);
  if (n > sh.loopnest) n = sh.loopnest;
  if (n > 0) {
    sh.evalskip = argv[0][0] === 'c' ? SKIPCONT : SKIPBREAK;
    sh.skipcount = n;
  }
  return 0;
}

 
function* returncmd(sh: ShState, argv: string[]): UserGen<number> {
  if (sh.bash && sh.frames.length === 0) {
    const e = new ShError("can only `return' from a function or sourced script", 2);
    e.bashStatus = 2;
    throw e;
  }
  let status: number;
  if (argv.length > 1) {
    status = sh.bash ? bashReturnStatus(argv[1]) : number(argv[1]);
    sh.evalskip = SKIPFUNC;
  } else {
    sh.evalskip = SKIPFUNCDEF;
    status = sh.exitstatus;
  }
  return status;
}

function bashReturnStatus(s: string): number {
  if (!/^\s*[+-]?\d+\s*$/.test(s)) throw new ShError(`${s}: numeric argument required`);
  return Number(s) & 0xff;
}

 
function* exitcmd(sh: ShState, argv: string[]): UserGen<number> {
  if (sh.opts.i && stoppedJobs(sh)) return 0;
  if (argv.length > 1) {
    if (sh.bash && !/^\s*[+-]?\d+\s*$/.test(argv[1])) {
      // bash: the message, then exit anyway with status 2.
      yield* warnx(sh, `${argv[1]}: numeric argument required`);
      throw new ShExit(2);
    }
    sh.savestatus = sh.bash ? bashReturnStatus(argv[1]) : number(argv[1]);
  }
  throw new ShExit(sh.savestatus >= 0 ? sh.savestatus : sh.exitstatus);
}

function stoppedJobs(sh: ShState): boolean {
  void sh;
  return false;
}

function* evalcmd(sh: ShState, argv: string[], flags: number): UserGen<number> {
  if (argv.length <= 1) return 0;
  // bash's messages from inside eval do not name eval.
  if (sh.bash) sh.commandname = null;
  return yield* evalstring(sh, argv.slice(1).join(' '), flags & EV_TESTED);
}

function* dotcmd(sh: ShState, argv: string[]): UserGen<number> {
  const o = new NextOpt(argv);
  o.next('');
  const args = o.rest();
  if (!args.length) {
    if (!sh.bash) return 0;
    const e = new ShError('filename argument required', 2);
    e.bashStatus = 2;
    e.bashUsage = `${argv[0]} filename [arguments]`;
    throw e;
  }
  // bash's messages about the file do not name the builtin.
  if (sh.bash) sh.commandname = null;
  return yield* dotFile(sh, args[0], sh.bash ? args.slice(1) : null);
}

function* execcmd(sh: ShState, argv: string[]): UserGen<number> {
  if (argv.length <= 1) return 0;
  sh.opts.i = false;
  sh.opts.m = false;
  yield* optschanged(sh);
  const r = yield* shellexec(sh, argv.slice(1), pathval(sh), 0);
  sh.exitstatus = r.status;
  yield* warnx(sh, r.msg);
  throw new ShExit(r.status, true);
}

function* commandcmd(sh: ShState, argv: string[]): UserGen<number> {
  const o = new NextOpt(argv);
  let verify = 0;
  let path: string | null = null;
  for (let c; (c = o.next('pvV'));) {
    if (c === 'V') verify |= 2;
    else if (c === 'v') verify |= 1;
    else path = DEFPATH;
  }
  const cmd = o.rest()[0];
  if (verify && cmd !== undefined) {
    // dash describes the first name; bash each of them.
    if (!sh.bash) {
      const r = yield* describeCommand(sh, cmd, path, verify - 1 !== 0, KEYWORDS);
      out1(sh, r.out);
      return r.status;
    }
    // bash: each name; success if any was found.
    let found = false;
    for (const c of o.rest()) {
      const r = yield* describeCommand(sh, c, path, verify - 1 !== 0, BASH_KEYWORDS);
      out1(sh, r.out);
      if (r.status === 0) found = true;
    }
    return found ? 0 : 1;
  }
  return 0;
}

export const KEYWORDS = ['!', 'case', 'do', 'done', 'elif', 'else', 'esac', 'fi', 'for', 'if', 'in',
  'then', 'until', 'while', '{', '}'];
export const BASH_KEYWORDS = [...KEYWORDS, '[[', ']]', 'function', 'time', 'select', 'coproc'];

 
function* shiftcmd(sh: ShState, argv: string[]): UserGen<number> {
  const n = argv.length > 1 ? number(argv[1]) : 1;
  if (n > sh.params.length) {
    // bash fails quietly (unless shopt shift_verbose).
    if (sh.bash && !sh.shopt.has('shift_verbose')) return 1;
    throw new ShError("can't shift that many", 2, 'shift count out of range');
  }
  sh.params = sh.params.slice(n);
  sh.optind = 1;
  sh.optoff = -1;
  return 0;
}

function* exportcmd(sh: ShState, argv: string[]): UserGen<number> {
  const flag = argv[0][0] === 'r' ? VREADONLY : VEXPORT;
  const o = new NextOpt(argv);
  let p = false;
  // bash's export -n takes the export attribute away (the variable stays).
  let unexport = false;
  const opts = sh.bash && flag === VEXPORT ? 'np' : 'p';
  for (let c; (c = o.next(opts));) {
    if (c === 'p') p = true;
    else unexport = true;
  }
  const names = o.rest();
  if (unexport && names.length) {
    for (const name of names) {
      const eq = name.indexOf('=');
      const n = eq >= 0 ? name.slice(0, eq) : name;
      if (eq >= 0) setvar(sh, n, name.slice(eq + 1));
      const v = sh.vars.get(n);
      if (v) v.flags &= ~VEXPORT;
    }
    return 0;
  }
  if (p || names.length === 0) {
    if (sh.bash) {
      // bash lists them as declare commands, sorted.
      for (const n of [...sh.vars.keys()].sort()) {
        const v = sh.vars.get(n)!;
        if (v.flags & flag) out1(sh, declareLine(sh, n, v));
      }
      return 0;
    }
    out1(sh, showvars(sh, argv[0], flag));
    return 0;
  }
  for (const name of names) {
    const eq = name.indexOf('=');
    if (eq >= 0) {
      setvar(sh, name.slice(0, eq), name.slice(eq + 1), flag);
      continue;
    }
    const v = sh.vars.get(name);
    if (v) v.flags |= flag;
    else setvar(sh, name, null, flag);
  }
  return 0;
}

 
function* localcmd(sh: ShState, argv: string[]): UserGen<number> {
  if (sh.bash && sh.funcnames.length === 0) throw new ShError('can only be used in a function', 1);
  if (sh.locals.length === 0) throw new ShError('not in a function');
  if (sh.bash) return yield* declareImpl(sh, argv, true);
  for (const a of argv.slice(1)) {
    if (sh.bash) {
      const n = nameLength(a);
      if (n === 0 || (a[n] !== undefined && a[n] !== '=')) throw new ShError(`\`${a}': not a valid identifier`, 1);
    }
    mklocal(sh, a);
  }
  return 0;
}

 
function* unsetcmd(sh: ShState, argv: string[]): UserGen<number> {
  const o = new NextOpt(argv);
  let flag = '';
  for (let c; (c = o.next(sh.bash ? 'vfn' : 'vf'));) flag = c;
  for (const name of o.rest()) {
    if (flag === 'n') {
      setvar(sh, name, null, VNAMEREF);
      continue;
    }
    // bash: a plain `unset NAME` with no variable NAME unsets the function NAME.
    const fn = flag === '' && sh.bash && !sh.vars.has(name) && sh.funcs.has(name);
    if (flag !== 'f' && !fn) {
      const elem = sh.bash ? /^([A-Za-z_][A-Za-z0-9_]*)\[(.*)\]$/s.exec(name) : null;
      if (elem) unsetElement(sh, elem[1], elem[2]);
      else unsetvar(sh, name);
      continue;
    }
    sh.funcs.delete(name);
  }
  return 0;
}

register(':', 's', truecmd);
register('true', 'u', truecmd);
register('false', 'u', falsecmd);
register('break continue', 's', breakcmd);
register('return', 's', returncmd);
register('exit', 's', exitcmd);
register('logout', 'uB', function* logoutcmd(sh: ShState, argv: string[]): UserGen<number> {
  if (!sh.shopt.has('login_shell')) throw new ShError("not login shell: use `exit'", 1);
  return yield* exitcmd(sh, argv);
});
register('eval', 's', evalcmd);
register('.', 's', dotcmd);
register('source', 'sB', dotcmd);
register('exec', 's', execcmd);
register('command', 'u', commandcmd);
register('shift', 's', shiftcmd);
register('export readonly', 'sa', exportcmd);
register('local', 'sa', localcmd);
register('unset', 's', unsetcmd);
