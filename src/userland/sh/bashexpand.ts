// bash's parameter expansions beyond POSIX (subst.c): indexed arrays (${a[i]}, ${a[@]},
// ${#a[@]}, FUNCNAME, BASH_REMATCH), ${x:offset:length}, ${x/pattern/string} (and //, /#, /%),
// ${x^^} ${x,,} ${x^} ${x,}, ${!name}; and `name=(a b c)` assignments.
import type { ParamPart, Word } from './ast.ts';
import type { UserGen } from '../../uapi/syscalls.ts';
import { evalArith } from './arithctx.ts';
import { ShError } from './errors.ts';
import { EXP_FULL, EXP_TILDE, EXP_VARTILDE, expandArgs, expandPattern, expandString } from './expand.ts';
import { pmatch, trim } from './pattern.ts';
import type { ShState, Var } from './state.ts';
import { VEXPORT } from './state.ts';
import { lookupvar, mklocal, setvar } from './vars.ts';

/** The value(s) of a bash parameter expansion: a string, a list ("$@"-like), or null (unset). */
export type BashValue = string | string[] | null;

function arithValue(sh: ShState, s: string): number {
  return Number(evalArith(sh, s));
}

/** The elements of an array variable (a scalar is a one-element array). */
export function arrayOf(sh: ShState, name: string): (string | undefined)[] {
  if (name === 'FUNCNAME') return sh.funcnames.length ? [...sh.funcnames, ...(sh.scriptFile ? ['main'] : [])] : [];
  if (name === '@' || name === '*') return sh.params.slice();
  const v: Var | undefined = sh.vars.get(name);
  if (!v) return [];
  if (v.arr) return v.arr;
  return v.v === null ? [] : [v.v];
}

function* indexValue(sh: ShState, p: ParamPart): UserGen<BashValue> {
  const idx = yield* expandString(sh, p.index!, 0);
  const arr = arrayOf(sh, p.name);
  if (idx === '@' || idx === '*') return arr.filter((x): x is string => x !== undefined);
  let i = arithValue(sh, idx);
  if (i < 0) i += arr.length;
  return arr[i] ?? null;
}

/** ${x^^pat} ${x,,pat} ${x^pat} ${x,pat}: change the case of (the first, or every) character
 * matching pat (any character when pat is empty). */
function caseMod(s: string, op: string, pat: string): string {
  const conv = (c: string): string => (pat !== '' && !pmatch(pat, c) ? c : op[0] === '^' ? c.toUpperCase() : c.toLowerCase());
  if (op.length === 2) {
    let out = '';
    for (const c of s) out += conv(c);
    return out;
  }
  return s === '' ? s : conv(s[0]) + s.slice(1);
}

/** ${x/pat/rep}: leftmost match, longest at that position. */
function replace(s: string, pat: string, rep: string, op: string): string {
  if (op === '/#') {
    for (let j = s.length; j >= 0; j--) if (pmatch(pat, s.slice(0, j))) return rep + s.slice(j);
    return s;
  }
  if (op === '/%') {
    for (let i = 0; i <= s.length; i++) if (pmatch(pat, s.slice(i))) return s.slice(0, i) + rep;
    return s;
  }
  let out = '';
  let i = 0;
  while (i <= s.length) {
    let matched = -1;
    for (let j = s.length; j > i; j--) {
      if (pmatch(pat, s.slice(i, j))) { matched = j; break; }
    }
    if (matched < 0) {
      if (i < s.length) out += s[i];
      i++;
      continue;
    }
    out += rep;
    i = matched;
    if (op !== '//') return out + s.slice(i);
  }
  return out;
}

/** Evaluate a bash-only parameter expansion and hand its result to `push`. */
export function* bashParam(sh: ShState, p: ParamPart, flag: number, quoted: boolean,
  push: (s: string, q: boolean) => void, pushList?: (items: string[]) => void): UserGen<void> {
  let v: BashValue;
  if (p.op === 'ind') {
    const target = lookupvar(sh, p.name);
    if (target === null) {
      // bash abandons the command line (DISCARD) but reads on.
      const e = new ShError(`${p.name}: invalid indirect expansion`, 1);
      e.discard = true;
      throw e;
    }
    v = lookupvar(sh, target) ?? (target === '@' ? sh.params.slice() : null);
  } else if (p.index !== null) v = yield* indexValue(sh, p);
  else if (p.name === '@' || p.name === '*') v = sh.params.slice();
  else v = p.name === '0' ? sh.arg0 : /^\d+$/.test(p.name) ? sh.params[Number(p.name) - 1] ?? null : lookupvar(sh, p.name);
  const isList = Array.isArray(v);
   
  const apply = function* (f: (s: string) => string): UserGen<BashValue> {
    if (v === null) return null;
    if (Array.isArray(v)) return v.map(f);
    return f(v);
  };
  switch (p.op) {
    case 'len':
      push(String(Array.isArray(v) ? v.length : (v ?? '').length), quoted);
      return;
    case 'sub': {
      const off = arithValue(sh, yield* expandString(sh, p.arg ?? [], 0));
      const lenText = p.arg2 ? yield* expandString(sh, p.arg2, 0) : null;
      const len = lenText === null ? null : arithValue(sh, lenText);
      if (Array.isArray(v)) {
        let start = off < 0 ? v.length + off : off;
        if (p.name === '@' || p.name === '*') {
          const all = [sh.arg0, ...sh.params];
          start = off < 0 ? all.length + off : off;
          v = all;
        }
        if (start < 0) { v = []; break; }
        v = v.slice(start, len === null ? undefined : len < 0 ? v.length + len : start + len);
      } else if (v !== null) {
        let start = off < 0 ? v.length + off : off;
        if (start < 0) start = 0;
        if (len !== null && len < 0) v = v.slice(start, Math.max(start, v.length + len));
        else v = v.slice(start, len === null ? undefined : start + len);
      }
      break;
    }
    case '/': case '//': case '/#': case '/%': {
      const pat = yield* expandPattern(sh, p.arg ?? []);
      const rep = p.arg2 ? yield* expandString(sh, p.arg2, EXP_TILDE) : '';
      v = yield* apply((s) => replace(s, pat, rep, p.op));
      break;
    }
    case 'ind':
      break;
    case '^^': case ',,': case '^': case ',': {
      const pat = p.arg && p.arg.length ? yield* expandPattern(sh, p.arg) : '';
      v = yield* apply((s) => caseMod(s, p.op, pat));
      break;
    }
    case '-': case '+': case '=': case '?': case '#': case '##': case '%': case '%%': case '': {
      const set = v !== null && !(p.colon && (Array.isArray(v) ? v.length === 0 : v === ''));
      if (p.op === '-' && !set) {
        if (p.arg) push(yield* expandString(sh, p.arg, EXP_TILDE), quoted);
        return;
      }
      if (p.op === '+') {
        if (set && p.arg) push(yield* expandString(sh, p.arg, EXP_TILDE), quoted);
        return;
      }
      if (p.op === '?' && !set) throw new ShError(`${p.name}: ${p.arg ? yield* expandString(sh, p.arg, 0) : 'parameter null or not set'}`);
      if (p.op === '=' && !set) {
        v = p.arg ? yield* expandString(sh, p.arg, EXP_TILDE) : '';
        setvar(sh, p.name, v);
      }
      if (p.op.startsWith('#') || p.op.startsWith('%')) {
        const pat = yield* expandPattern(sh, p.arg ?? []);
        v = yield* apply((s) => trim(s, pat, p.op as '#'));
      }
      break;
    }
    default:
      throw new ShError('bad substitution');
  }
  if (v === null) {
    if (sh.opts.u) throw new ShError(`${p.name}: unbound variable`, 1);
    return;
  }
  if (Array.isArray(v)) {
    if (pushList && (isList || p.index !== null)) pushList(v);
    else push(v.join(' '), quoted);
    return;
  }
  push(v, quoted);
  void flag;
}

/** bash `name[i]=value` (and `+=`): set one element of an indexed array. */
export function setElement(sh: ShState, name: string, i: number, value: string, append: boolean): void {
  const v = sh.vars.get(name);
  if (v && v.flags & 2) throw new ShError(`${name}: is read only`, 2, `${name}: readonly variable`);
  const arr = v ? (v.arr ?? (v.v === null ? [] : [v.v])) : [];
  if (i < 0) i += arr.length;
  arr[i] = append ? (arr[i] ?? '') + value : value;
  if (v) {
    v.arr = arr;
    v.v = arr[0] ?? null;
  } else sh.vars.set(name, { v: arr[0] ?? null, flags: 0, arr });
}

/** `name=(words)` / `name+=(words)`: assign an indexed array. Returns the assignment text. */
export function* bashAssign(sh: ShState, w: Word, local: boolean): UserGen<string> {
  const head = w[0].k === 'lit' ? w[0].s : '';
  const arrPart = w.find((p) => p.k === 'array');
  const append = head.endsWith('+=');
  const name = head.slice(0, head.indexOf(append ? '+=' : '='));
  const items = arrPart && arrPart.k === 'array' ? yield* expandArgs(sh, arrPart.words, EXP_FULL | EXP_TILDE) : [];
  if (local) mklocal(sh, name);
  const old = append ? arrayOf(sh, name) : [];
  const arr = [...old, ...items];
  const v = sh.vars.get(name);
  if (v && v.flags & 2) throw new ShError(`${name}: readonly variable`, 1);
  if (v) {
    v.arr = arr;
    v.v = arr[0] ?? null;
  } else sh.vars.set(name, { v: arr[0] ?? null, flags: 0, arr });
  void VEXPORT;
  void EXP_VARTILDE;
  return name;
}
