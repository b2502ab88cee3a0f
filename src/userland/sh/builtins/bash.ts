// bash-only builtins: let, declare/typeset (-a -A -i -r -x -g -p basics) and
// caller-less `builtin`.
import type { UserGen } from '../../../uapi/syscalls.ts';
import { evalArith } from '../arithctx.ts';
import { ShError } from '../errors.ts';
import { out1, warnx } from '../output.ts';
import type { ShState, Var } from '../state.ts';
import { VEXPORT, VINTEGER, VLOWER, VNAMEREF, VREADONLY, VUPPER } from '../state.ts';
import { lookupvar, mklocal, setvar } from '../vars.ts';
import { quoteReusable } from '../ansic.ts';
import { register } from './table.ts';
import { activeBuiltin } from './enable.ts';
import { arrayLiteral, arrayValues, attrString, makeArray, setElement } from '../basharray.ts';
import { functionText } from '../bashprint.ts';

/** One `declare -p` line: attributes, name, value (arrays as (...), control characters $'...'). */
export function declareLine(sh: ShState, n: string, v: Var): string {
  const a = attrString(v);
  const dyn = v.dyn || v.lineno ? lookupvar(sh, n) : v.v;
  // eslint-disable-next-line no-control-regex
  const q = (s: string): string => (/[\x00-\x1f\x7f]/.test(s) ? quoteReusable(s) : dquote(s));
  const val = v.arr || v.assoc ? `=${arrayLiteral(v)}` : dyn === null ? '' : `=${q(dyn)}`;
  return `declare -${a || '-'} ${n}${val}\n`;
}

/** bash's double-quoted value in declare -p output. */
function dquote(s: string): string {
  return `"${s.replace(/[\\\\"$`]/g, (c) => `\\${c}`)}"`;
}

function* letcmd(sh: ShState, argv: string[]): UserGen<number> {
  if (argv.length < 2) {
    yield* warnx(sh, 'expression expected');
    return 1;
  }
  let r = 0n;
  for (const e of argv.slice(1)) {
    try {
      r = evalArith(sh, e);
    } catch (err) {
      if (err instanceof ShError) {
        yield* warnx(sh, err.message);
        return 1;
      }
      throw err;
    }
  }
  return r === 0n ? 1 : 0;
}

function* declarecmd(sh: ShState, argv: string[]): UserGen<number> {
  return yield* declareImpl(sh, argv, false);
}

/** declare/typeset, and bash's `local` (forceLocal), which takes the same options. */
 
export function* declareImpl(sh: ShState, argv: string[], forceLocal: boolean): UserGen<number> {
  let flags = 0;
  let print = false;
  let global = false;
  let integer = false;
  let kind = '';
  let funcs = '';
  let i = 1;
  // declare +x/+i/+l/+u/+n take the attribute away (bash's declare_internal, flags_off).
  let off = 0;
  const OFF: Record<string, number> = { x: VEXPORT, i: VINTEGER, l: VLOWER, u: VUPPER, n: VNAMEREF };
  for (; i < argv.length && /^[-+]/.test(argv[i]) && argv[i].length > 1; i++) {
    if (argv[i][0] === '+' && [...argv[i].slice(1)].every((c) => c in OFF)) {
      for (const c of argv[i].slice(1)) off |= OFF[c];
      continue;
    }
    for (const c of argv[i].slice(1)) {
      if (c === 'x') flags |= VEXPORT;
      else if (c === 'r') flags |= VREADONLY;
      else if (c === 'p') print = true;
      else if (c === 'g') global = true;
      else if (c === 'i') { integer = true; flags |= VINTEGER; }
      else if (c === 'a' || c === 'A') kind = c;
      else if (c === 'f' || c === 'F') funcs = funcs === 'F' ? 'F' : c;
      else if (c === 'n') flags |= VNAMEREF;
      else if (c === 'l') flags = (flags & ~VUPPER) | VLOWER;
      else if (c === 'u') flags = (flags & ~VLOWER) | VUPPER;
      else if (c !== 'a' && c !== 'A' && c !== 'f' && c !== 'F' && c !== 'l' && c !== 'u' && c !== 'n' && c !== 't') {
        throw new ShError(`${argv[i]}: invalid option`, 2);
      }
    }
  }
  const names = argv.slice(i);
  if (funcs) {
    // declare -f [name...] prints functions; -F only their names.
    let status = 0;
    const list = names.length ? names : [...sh.funcs.keys()].sort();
    for (const n of list) {
      const fn = sh.funcs.get(n);
      if (!fn) { status = 1; continue; }
      out1(sh, funcs === 'F' ? (names.length ? `${n}\n` : `declare -f ${n}\n`) : `${functionText(n, fn.body)}\n`);
    }
    return status;
  }
  if (print || (names.length === 0 && !forceLocal)) {
    if (!names.length) {
      // declare -p: every variable (with -x/-r... only those with the attributes).
      for (const n of [...sh.vars.keys()].sort()) {
        const v = sh.vars.get(n)!;
        if ((v.flags & flags) !== flags || (kind === 'a' && !v.arr) || (kind === 'A' && !v.assoc)) continue;
        if (v.v === null && !v.arr && !v.assoc && !v.flags) continue;
        out1(sh, declareLine(sh, n, v));
      }
      return 0;
    }
    let status = 0;
    for (const n of names) {
      const v = sh.vars.get(n);
      if (!v) {
        yield* warnx(sh, `${n}: not found`);
        status = 1;
        continue;
      }
      out1(sh, declareLine(sh, n, v));
    }
    return status;
  }
  const inFunc = forceLocal || (sh.funcnames.length > 0 && !global);
  const pre = sh.preassigned;
  sh.preassigned = null;
  for (const a of names) {
    if (pre?.has(a)) {
      // An array the command already assigned: only the attributes remain to set.
      const v = sh.vars.get(a);
      if (v) v.flags |= flags;
      continue;
    }
    if (kind) {
      const name = a.includes('=') ? a.slice(0, a.indexOf('=')) : a;
      if (inFunc && !sh.locals[sh.locals.length - 1]?.some((e) => e.name === name)) mklocal(sh, name, flags);
      const fresh = !sh.vars.get(name)?.arr && !sh.vars.get(name)?.assoc && sh.vars.get(name)?.v == null;
      const v = makeArray(sh, name, kind === 'A');
      v.flags |= flags;
      if (a.includes('=')) setElement(sh, name, '0', a.slice(a.indexOf('=') + 1), false);
      else if (fresh) v.invisible = true;
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq < 0 ? a : a.slice(0, eq);
    let val = eq < 0 ? null : a.slice(eq + 1);
    if (integer && val !== null) val = evalArith(sh, val).toString();
    const existing = sh.vars.get(name);
    if (off && existing) existing.flags &= ~off;
    if (inFunc) mklocal(sh, val === null ? name : `${name}=${val}`, flags);
    else if (val !== null) setvar(sh, name, val, flags);
    else {
      const v = sh.vars.get(name);
      if (v) v.flags |= flags;
      else if (flags) setvar(sh, name, null, flags);
    }
  }
  return 0;
}


function* builtincmd(sh: ShState, argv: string[]): UserGen<number> {
  const b = activeBuiltin(sh, argv[1] ?? '');
  if (!b) {
    if (argv[1] === undefined) return 0;
    throw new ShError(`${argv[1]}: not a shell builtin`, 1);
  }
  // bash's builtin runs it under its own name: its errors say "test: ...", not "builtin: ...".
  // An error thrown out of it is reported under that name too (evalcommand restores the old one).
  const saved = sh.commandname;
  sh.commandname = argv[1];
  const status = yield* b.fn(sh, argv.slice(1), 0);
  sh.commandname = saved;
  return status;
}

register('let', 'uB', letcmd);
register('declare typeset', 'saB', declarecmd);
register('builtin', 'uB', builtincmd);

/** caller [N]: "LINE FILE" of the current call, or "LINE FUNC FILE" of frame N. */
function* callercmd(sh: ShState, argv: string[]): UserGen<number> {
  const lines = arrayValues(sh, 'BASH_LINENO');
  const names = arrayValues(sh, 'FUNCNAME');
  const srcs = arrayValues(sh, 'BASH_SOURCE');
  if (argv[1] === undefined) {
    if (!lines.length) return 1;
    out1(sh, `${lines[0]} ${srcs[1] ?? 'NULL'}\n`);
    return 0;
  }
  if (!/^\d+$/.test(argv[1])) throw new ShError(`${argv[1]}: invalid number`, 2);
  const n = Number(argv[1]);
  if (n + 1 >= names.length || n >= lines.length) return 1;
  out1(sh, `${lines[n]} ${names[n + 1]} ${srcs[n + 1]}\n`);
  return 0;
}

register('caller', 'uB', callercmd);
