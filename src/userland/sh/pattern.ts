// Shell pattern matching with dash's pmatch() rules (expand.c): `*`, `?`, `[...]`, `[!...]`,
// `[[:class:]]`, backslash escapes. dash treats `^` as an ordinary character inside brackets
// (only `!` negates), and an unterminated `[` matches itself. Patterns are strings where a
// quoted character is preceded by a backslash (see quotePattern). The matching itself is
// globc.ts (compiled once per pattern, never exponential); its steps are charged as CPU time.
import type { UserGen } from '../../uapi/syscalls.ts';
import { cpu } from '../lib/sys.ts';
import { extmatch, hasExtglob } from './extglob.ts';
import type { Glob } from './globc.ts';
import { compile, globAffix, globMatch, takeWork } from './globc.ts';

const CLASSES: Record<string, (c: number) => boolean> = {
  alnum: (c) => isAlpha(c) || isDigit(c),
  cntrl: (c) => c < 32 || c === 127,
  lower: (c) => c >= 97 && c <= 122,
  space: (c) => c === 32 || (c >= 9 && c <= 13),
  alpha: (c) => isAlpha(c),
  digit: (c) => isDigit(c),
  print: (c) => c >= 32 && c < 127,
  upper: (c) => c >= 65 && c <= 90,
  blank: (c) => c === 32 || c === 9,
  graph: (c) => c > 32 && c < 127,
  punct: (c) => c > 32 && c < 127 && !isAlpha(c) && !isDigit(c),
  xdigit: (c) => isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102),
};
function isAlpha(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** dash's ccmatch: `p` points just after the `[` of `[:name:]`; returns [matched, end] or null. */
function ccmatch(pat: string, p: number, chr: number): [boolean, number] | null {
  if (pat[p] !== ':') return null;
  const close = pat.indexOf(':]', p + 1);
  if (close < 0) return null;
  const fn = CLASSES[pat.slice(p + 1, close)];
  if (!fn) return null;
  return [fn(chr), close + 2];
}

/** pmatch, case-insensitively under bash's shopt nocasematch; extended patterns with shopt
 * extglob (or always, inside [[ ]]). */
export function casematch(sh: { bash: boolean; shopt: Set<string> }, pattern: string, s: string, cond = false): boolean {
  const ext = sh.bash && (cond || sh.shopt.has('extglob'));
  if (sh.bash && sh.shopt.has('nocasematch')) return pmatch(pattern.toLowerCase(), s.toLowerCase(), ext);
  return pmatch(pattern, s, ext);
}

const compiled = new Map<string, Glob>();

/** The compiled pattern, kept by its text (compiling is pure, so keeping it changes nothing). */
function globOf(pat: string): Glob {
  let g = compiled.get(pat);
  if (!g) {
    g = compile(pat, bracketEnd);
    if (compiled.size >= 512) compiled.clear();
    compiled.set(pat, g);
  }
  return g;
}

/** True if `str` matches `pat` entirely (dash pmatch; bash's extended patterns with ext). */
export function pmatch(pat: string, str: string, ext = false): boolean {
  if (ext && hasExtglob(pat)) return extmatch(pat, str);
  return globMatch(globOf(pat), str, 0, str.length, bracket);
}

/** Matching steps that cost nothing beyond the interpreter step that asked for them. */
const FREE_STEPS = 4096;
/** Virtual time per matching step (one character against one token, a turn of dash's loop). */
const MATCH_STEP_NS = 2;

/**
 * Charge the CPU time of the matching done since the last charge (a preemption point): a long
 * match costs what it would in dash, where pmatch() is ordinary preemptible user code. Short
 * matches are part of the interpreter step that made them.
 */
export function* chargeMatching(): UserGen<void> {
  const w = takeWork();
  if (w > FREE_STEPS) yield* cpu(w * MATCH_STEP_NS);
}

/** One bracket expression (pat[p] just after `[`) against str[q]. */
export function bracketAt(pat: string, p: number, str: string, q: number): boolean {
  return bracket(pat, p, str, q) >= 0;
}

/** The index after the `]` of the bracket expression starting at pat[p] (after `[`), or -1. */
export function bracketEnd(pat: string, p: number): number {
  if (pat[p] === '!') p++;
  let c = pat[p++];
  do {
    if (c === undefined) return -1;
    if (c === '[' && pat[p] === ':') {
      const close = pat.indexOf(':]', p + 1);
      if (close >= 0 && CLASSES[pat.slice(p + 1, close)]) {
        p = close + 2;
        continue;
      }
    } else if (c === '\\') {
      c = pat[p++];
      if (c === undefined) return -1;
    }
    if (pat[p] === '-' && pat[p + 1] !== ']' && p + 1 < pat.length) {
      p++;
      if (pat[p] === '\\') p++;
      if (pat[p] === undefined) return -1;
      p++;
    }
  } while ((c = pat[p++]) !== ']');
  return p;
}

/** Match one bracket expression at pat[p] (just after `[`) against str[q]. Returns the pattern
 * index after `]` on a match, -1 on no match, -2 if the bracket is unterminated. */
function bracket(pat: string, p: number, str: string, q: number): number {
  if (q >= str.length) {
    // dash returns no-match before checking termination.
    return -1;
  }
  const chr = str.charCodeAt(q);
  let invert = false;
  if (pat[p] === '!') { invert = true; p++; }
  let found = false;
  let c = pat[p++];
  do {
    if (c === undefined) return -2;
    if (c === '[') {
      const r = ccmatch(pat, p, chr);
      if (r) {
        if (r[0]) found = true;
        p = r[1];
        continue;
      }
    } else if (c === '\\') {
      c = pat[p++];
      if (c === undefined) return -2;
    }
    if (pat[p] === '-' && pat[p + 1] !== ']' && p + 1 < pat.length) {
      p++;
      if (pat[p] === '\\') p++;
      const hi = pat[p];
      if (hi === undefined) return -2;
      if (chr >= c.charCodeAt(0) && chr <= hi.charCodeAt(0)) found = true;
      p++;
    } else if (chr === c.charCodeAt(0)) {
      found = true;
    }
  } while ((c = pat[p++]) !== ']');
  return found === invert ? -1 : p;
}

/** Does the string (a pattern with backslash escapes) contain an unescaped glob character? */
export function hasMeta(pat: string): boolean {
  for (let i = 0; i < pat.length; i++) {
    const c = pat[i];
    if (c === '\\') { i++; continue; }
    if (c === '*' || c === '?' || c === '[') return true;
  }
  return false;
}

/** Escape every character that is special to pmatch, for quoted text inside a pattern. */
export function quotePattern(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\' || c === '*' || c === '?' || c === '[' || c === ']' || c === '-' || c === '!' || c === ':' ||
      c === '(' || c === ')' || c === '|' || c === '@' || c === '+') out += '\\';
    out += c;
  }
  return out;
}

/** Remove backslash escapes (quote removal of a pattern string that matched nothing). */
export function unescapePattern(pat: string): string {
  if (pat.indexOf('\\') < 0) return pat;
  let out = '';
  for (let i = 0; i < pat.length; i++) {
    if (pat[i] === '\\' && i + 1 < pat.length) i++;
    out += pat[i];
  }
  return out;
}

/**
 * ${v#p} ${v##p} ${v%p} ${v%%p}: the value without the shortest or longest prefix (or suffix)
 * that matches, unchanged when none does. dash's scanleft/scanright try each prefix in turn
 * (quadratic); one pass over the value finds every matching prefix at once (globAffix), with
 * the same answer. Extended patterns still try each prefix.
 */
export function trim(value: string, pat: string, op: '#' | '##' | '%' | '%%', ext = false): string {
  const n = value.length;
  if (!(ext && hasExtglob(pat))) {
    const suffix = op[0] === '%';
    const L = globAffix(globOf(pat), value, 0, suffix, op.length === 2, bracket);
    if (L < 0) return value;
    return suffix ? value.slice(0, n - L) : value.slice(L);
  }
  const pm = (s: string): boolean => extmatch(pat, s);
  switch (op) {
    case '#':
      for (let i = 0; i <= n; i++) if (pm(value.slice(0, i))) return value.slice(i);
      return value;
    case '##':
      for (let i = n; i >= 0; i--) if (pm(value.slice(0, i))) return value.slice(i);
      return value;
    case '%':
      for (let i = n; i >= 0; i--) if (pm(value.slice(i))) return value.slice(0, i);
      return value;
    case '%%':
      for (let i = 0; i <= n; i++) if (pm(value.slice(i))) return value.slice(0, i);
      return value;
  }
}

/** The end of the longest match of the whole pattern that starts at s[i], or -1 (${x/p/r}). */
export function longestMatchAt(pat: string, s: string, i: number, ext: boolean): number {
  if (!(ext && hasExtglob(pat))) {
    const L = globAffix(globOf(pat), s, i, false, true, bracket);
    return L < 0 ? -1 : i + L;
  }
  for (let j = s.length; j >= i; j--) if (extmatch(pat, s.slice(i, j))) return j;
  return -1;
}
