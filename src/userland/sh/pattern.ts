// Shell pattern matching, a port of dash's pmatch() (expand.c): `*`, `?`, `[...]`, `[!...]`,
// `[[:class:]]`, backslash escapes. dash treats `^` as an ordinary character inside brackets
// (only `!` negates), and an unterminated `[` matches itself. Patterns are strings where a
// quoted character is preceded by a backslash (see quotePattern).
import { extmatch, hasExtglob } from './extglob.ts';

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

/** True if `str` matches `pat` entirely (dash pmatch; bash's extended patterns with ext). */
export function pmatch(pat: string, str: string, ext = false): boolean {
  if (ext && hasExtglob(pat)) return extmatch(pat, str);
  return pm(pat, 0, str, 0);
}
const pmatchAny = pmatch;

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

function pm(pat: string, p: number, str: string, q: number): boolean {
  const plen = pat.length;
  const slen = str.length;
  for (;;) {
    if (p >= plen) return q >= slen;
    let c = pat[p++];
    switch (c) {
      case '\\':
        if (p < plen) c = pat[p++];
        if (q >= slen || str[q++] !== c) return false;
        break;
      case '?':
        if (q >= slen) return false;
        q++;
        break;
      case '*': {
        while (p < plen && pat[p] === '*') p++;
        if (p >= plen) return true;
        const n = pat[p];
        if (n !== '\\' && n !== '?' && n !== '[') {
          for (;;) {
            while (q < slen && str[q] !== n) q++;
            if (q >= slen) return false;
            if (pm(pat, p, str, q)) return true;
            q++;
          }
        }
        for (;;) {
          if (pm(pat, p, str, q)) return true;
          if (q >= slen) return false;
          q++;
        }
      }
      case '[': {
        const r = bracket(pat, p, str, q);
        if (r === -2) {
          // No closing bracket: `[` is an ordinary character.
          if (q >= slen || str[q++] !== '[') return false;
          break;
        }
        if (r < 0) return false;
        p = r;
        q++;
        break;
      }
      default:
        if (q >= slen || str[q++] !== c) return false;
    }
  }
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
 * ${v#p} ${v##p} ${v%p} ${v%%p} as dash's scanleft/scanright do: try each prefix (or suffix) in
 * order and cut the first one that matches. Returns the value unchanged when nothing matches.
 */
export function trim(value: string, pat: string, op: '#' | '##' | '%' | '%%', ext = false): string {
  const n = value.length;
  const pmatch = (p: string, s: string): boolean => pmatchAny(p, s, ext);
  switch (op) {
    case '#':
      for (let i = 0; i <= n; i++) if (pmatch(pat, value.slice(0, i))) return value.slice(i);
      return value;
    case '##':
      for (let i = n; i >= 0; i--) if (pmatch(pat, value.slice(0, i))) return value.slice(i);
      return value;
    case '%':
      for (let i = n; i >= 0; i--) if (pmatch(pat, value.slice(i))) return value.slice(0, i);
      return value;
    case '%%':
      for (let i = 0; i <= n; i++) if (pmatch(pat, value.slice(i))) return value.slice(0, i);
      return value;
  }
}
