// bash's parameter expansions beyond POSIX (subst.c): indexed arrays (${a[i]}, ${a[@]},
// ${#a[@]}, FUNCNAME, BASH_REMATCH), ${x:offset:length}, ${x/pattern/string} (and //, /#, /%),
// ${x^^} ${x,,} ${x^} ${x,}, ${!name}; and `name=(a b c)` assignments.
import type { ParamPart, Word } from './ast.ts';
import type { UserGen } from '../../uapi/syscalls.ts';
import { evalArith } from './arithctx.ts';
import { ShError } from './errors.ts';
import { EXP_FULL, EXP_TILDE, EXP_VARTILDE, expandArgs, expandPattern, expandString, starSep } from './expand.ts';
import { chargeMatching, longestMatchAt, pmatch, pmatch as pmatchExt, trim } from './pattern.ts';
import type { ShState, Var } from './state.ts';
import { ansiDecode, quoteReusable } from './ansic.ts';
import { VNAMEREF } from './state.ts';
import { expandPrompt } from './prompt.ts';
import { lookupvar, mklocal, setvar } from './vars.ts';
import type { ArrayItem } from './basharray.ts';
import { lookupElement } from './basharray.ts';
import { warnx } from './output.ts';
import { arrayKeys, arrayLiteral, attrString, arrayValues, assignArray, getElement, makeArray } from './basharray.ts';

/** The value(s) of a bash parameter expansion: a string, a list ("$@"-like), or null (unset). */
export type BashValue = string | string[] | null;

function arithValue(sh: ShState, s: string): number {
  return Number(evalArith(sh, s));
}

/** The values of ${name[@]} (a scalar is a one-element array). */
export function arrayOf(sh: ShState, name: string): string[] {
  return arrayValues(sh, name);
}

function* indexValue(sh: ShState, p: ParamPart): UserGen<BashValue> {
  const idx = yield* expandString(sh, p.index!, 0);
  lastIndex = idx;
  if (idx === '@' || idx === '*') return arrayValues(sh, p.name);
  const r = lookupElement(sh, p.name, idx);
  if (r.bad) yield* warnx(sh, `${p.name}: bad array subscript`);
  return r.value;
}

/** The last subscript expanded (for "a[5]: unbound variable"). */
let lastIndex = '';

/** `name` or `name[sub]` as the target of ${!ref}. */
function* indirectValue(sh: ShState, target: string): UserGen<BashValue> {
  const m = /^([A-Za-z_][A-Za-z0-9_]*)\[(.*)\]$/s.exec(target);
  if (m) {
    if (m[2] === '@' || m[2] === '*') return arrayValues(sh, m[1]);
    return getElement(sh, m[1], m[2]);
  }
  if (target === '@' || target === '*') return sh.params.slice();
  if (/^\d+$/.test(target)) return target === '0' ? sh.arg0 : sh.params[Number(target) - 1] ?? null;
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(target) && !/^[#?$!-]$/.test(target)) {
    const e = new ShError(`${target}: invalid variable name`, 1);
    e.discard = true;
    throw e;
  }
  return lookupvar(sh, target);
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

/** ${x/pat/rep}: leftmost match, longest at that position (bash's match_pattern). */
function replace(s: string, pat: string, rep: string, op: string, ext: boolean): string {
  if (op === '/#') {
    const j = longestMatchAt(pat, s, 0, ext);
    return j < 0 ? s : rep + s.slice(j);
  }
  if (op === '/%') {
    // The longest suffix that matches: ${x%%pat} finds the same cut.
    const cut = trim(s, pat, '%%', ext);
    if (cut.length === s.length && !pmatchExt(pat, '', ext)) return s;
    return cut + rep;
  }
  let out = '';
  let i = 0;
  while (i <= s.length) {
    const j = longestMatchAt(pat, s, i, ext);
    // An empty match is no match here (bash skips it and moves on by one character).
    if (j <= i) {
      if (i < s.length) out += s[i];
      i++;
      continue;
    }
    out += rep;
    i = j;
    if (op !== '//') return out + s.slice(i);
  }
  return out;
}

/** Evaluate a bash-only parameter expansion and hand its result to `push`. */
export function* bashParam(sh: ShState, p: ParamPart, flag: number, quoted: boolean,
  push: (s: string, q: boolean) => void, pushList?: (items: string[]) => void): UserGen<void> {
  let v: BashValue;
  if (p.op === 'names@' || p.op === 'names*') {
    // ${!prefix*} / ${!prefix@}: the names of the set variables starting with prefix.
    const names = [...sh.vars.keys()].filter((n) => n.startsWith(p.name) && (sh.vars.get(n)!.v !== null || sh.vars.get(n)!.arr || sh.vars.get(n)!.assoc)).sort();
    if (p.op === 'names@' && pushList) pushList(names);
    else push(names.join(p.op === 'names*' ? starSep(sh) : ' '), quoted);
    return;
  }
  if (p.op === 'ind' && p.index !== null) {
    // ${!a[@]}: the keys of an array.
    const idx = yield* expandString(sh, p.index, 0);
    if (idx === '@' || idx === '*') {
      const keys = arrayKeys(sh, p.name);
      if (idx === '@' && pushList) pushList(keys);
      else push(keys.join(idx === '*' && quoted ? starSep(sh) : ' '), quoted);
      return;
    }
  }
  const ind = p.op === 'ind' || p.indirect === true;
  const ref = ind && p.index === null ? sh.vars.get(p.name) : undefined;
  if (ref && ref.flags & VNAMEREF) v = ref.v;
  else if (ind) {
    const target = p.index !== null ? yield* indexValue(sh, p)
      : /^\d+$/.test(p.name) ? (p.name === '0' ? sh.arg0 : sh.params[Number(p.name) - 1] ?? null) : lookupvar(sh, p.name);
    // An unset positional parameter names nothing: the expansion is empty, without an error.
    if (target === null && /^\d+$/.test(p.name)) {
      if (sh.opts.u) throw new ShError(`!${p.name}: unbound variable`, 1);
      return;
    }
    if (target === null) {
      // bash abandons the command line (DISCARD) but reads on.
      const e = new ShError(`${p.name}: invalid indirect expansion`, 1);
      e.discard = true;
      throw e;
    }
    if (Array.isArray(target)) throw new ShError(`${p.name}: bad substitution`, 1);
    v = yield* indirectValue(sh, target);
  } else if (p.index !== null) v = yield* indexValue(sh, p);
  else if (p.name === '@' || p.name === '*') v = sh.params.slice();
  else v = p.name === '0' ? sh.arg0 : /^\d+$/.test(p.name) ? sh.params[Number(p.name) - 1] ?? null : lookupvar(sh, p.name);
  const isList = Array.isArray(v);
   
  const apply = function* (f: (s: string) => string): UserGen<BashValue> {
    if (v === null) return null;
    const r = Array.isArray(v) ? v.map(f) : f(v);
    yield* chargeMatching();
    return r;
  };
  switch (p.op) {
    case 'len':
      // bash: ${#a[@]} of an array declared but never assigned is unbound under set -u.
      if (sh.opts.u && p.index !== null && sh.vars.get(p.name)?.invisible) throw new ShError(`${p.name}: unbound variable`, 1);
      push(String(Array.isArray(v) ? v.length : (v ?? '').length), quoted);
      return;
    case 'sub': {
      // An unset parameter's offset and length are never evaluated.
      if (v === null) break;
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
      v = yield* apply((s) => replace(s, pat, rep, p.op, sh.shopt.has('extglob')));
      break;
    }
    case 'ind':
      break;
    case '@': {
      const letter = p.arg ? yield* expandString(sh, p.arg, 0) : '';
      const isArr = p.index !== null || p.name === '@' || p.name === '*';
      v = yield* transform(sh, p, letter, v, isArr);
      break;
    }
    case '^^': case ',,': case '^': case ',': {
      const pat = p.arg && p.arg.length ? yield* expandPattern(sh, p.arg) : '';
      v = yield* apply((s) => caseMod(s, p.op, pat));
      break;
    }
    case '-': case '+': case '=': case '?': case '#': case '##': case '%': case '%%': case '': {
      // An array expansion with no elements (${a[@]}, ${a[*]}, ${@}) counts as unset, colon or not.
      const set = v !== null && !(Array.isArray(v) && v.length === 0) && !(p.colon && v === '');
      if (p.op === '-' && !set) {
        push(p.arg ? yield* expandString(sh, p.arg, EXP_TILDE) : '', quoted);
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
        v = yield* apply((s) => trim(s, pat, p.op as '#', sh.shopt.has('extglob')));
      }
      break;
    }
    default:
      throw new ShError('bad substitution');
  }
  if (v === null) {
    if (sh.opts.u) throw new ShError(`${p.index !== null && lastIndex !== '@' && lastIndex !== '*' ? `${p.name}[${lastIndex}]` : p.name}: unbound variable`, 1);
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

/** The attribute letters of ${x@a}. */
function attributes(v: Var | undefined): string {
  return attrString(v);
}

/** ${x@op}: bash's parameter transformations. */
function* transform(sh: ShState, p: ParamPart, letter: string, v: BashValue, isArr: boolean): UserGen<BashValue> {
  const each = (f: (s: string) => string): BashValue => (v === null ? null : Array.isArray(v) ? v.map(f) : f(v));
  switch (letter) {
    case 'Q': case 'K': case 'k': return each(quoteReusable);
    case 'E': return each(ansiDecode);
    case 'U': return each((s) => s.toUpperCase());
    case 'L': return each((s) => s.toLowerCase());
    case 'u': return each((s) => s.slice(0, 1).toUpperCase() + s.slice(1));
    case 'P': {
      if (v === null) return null;
      if (!Array.isArray(v)) return yield* expandPrompt(sh, v);
      const out: string[] = [];
      for (const s of v) out.push(yield* expandPrompt(sh, s));
      return out;
    }
    case 'a': {
      const a = attributes(sh.vars.get(p.name));
      return Array.isArray(v) ? v.map(() => a) : v === null && !a ? null : a;
    }
    case 'A': {
      const vr = sh.vars.get(p.name);
      if (v === null || !vr) return null;
      const a = attributes(vr);
      if (isArr && (vr.arr || vr.assoc)) return `declare -${a} ${p.name}=${arrayLiteral(vr)}`;
      const val = Array.isArray(v) ? v.join(' ') : v;
      return a ? `declare -${a} ${p.name}=${quoteReusable(val)}` : `${p.name}=${quoteReusable(val)}`;
    }
    default:
      if (v === null) return null;
      throw new ShError(`\${${p.name}${p.index ? '[@]' : ''}@${letter}}: bad substitution`, 1);
  }
}

/** `name=(words)` / `name+=(words)`: assign an array. Returns the variable's name. */
export function* bashAssign(sh: ShState, w: Word, local: boolean, assoc = false): UserGen<string> {
  const head = w[0].k === 'lit' ? w[0].s : '';
  const arrPart = w.find((p) => p.k === 'array');
  const append = head.endsWith('+=');
  const name = head.slice(0, head.indexOf(append ? '+=' : '='));
  const items: ArrayItem[] = [];
  for (const word of arrPart && arrPart.k === 'array' ? arrPart.words : []) {
    const kv = splitSubscript(word);
    if (kv) {
      const key = yield* expandString(sh, kv[0], 0);
      const value = yield* expandString(sh, kv[1], EXP_VARTILDE);
      items.push({ key, value });
    } else {
      for (const value of yield* expandArgs(sh, [word], EXP_FULL | EXP_TILDE)) items.push({ key: null, value });
    }
  }
  if (local) mklocal(sh, name);
  if (assoc) makeArray(sh, name, true);
  assignArray(sh, name, items, append);
  return name;
}

/** An array element word `[key]=value`: its key and value words, or null. */
function splitSubscript(w: Word): [Word, Word] | null {
  const first = w[0];
  if (!first || first.k !== 'lit' || first.q || first.s[0] !== '[') return null;
  let depth = 0;
  for (let i = 0; i < w.length; i++) {
    const p = w[i];
    if (p.k !== 'lit' || p.q) continue;
    for (let j = i === 0 ? 1 : 0; j < p.s.length; j++) {
      const c = p.s[j];
      if (c === '[') depth++;
      else if (c === ']' && depth-- === 0) {
        if (p.s[j + 1] !== '=') return null;
        const key: Word = [...w.slice(0, i), { k: 'lit', s: p.s.slice(0, j), q: false }];
        const k0 = key[0] as { k: 'lit'; s: string; q: boolean };
        key[0] = { ...k0, s: k0.s.slice(1) };
        const value: Word = [{ k: 'lit', s: p.s.slice(j + 2), q: false }, ...w.slice(i + 1)];
        return [key, value];
      }
    }
  }
  return null;
}
