// POSIX fnmatch(3) with flags 0, as glibc implements it in the C locale: `*`, `?`, `[...]`
// (with `!`/`^` negation, ranges, `[:class:]`, `[=c=]`, `[.c.]`) and backslash escapes. With no
// FNM_PATHNAME or FNM_PERIOD, `/` and a leading `.` are ordinary characters. kmod matches every
// modprobe.d alias/install/remove/softdep name field and every modules.alias key with exactly
// this call: fnmatch(pattern, name, 0).
//
// Strings are byte strings (one char = one byte), so ranges compare byte values.

const CLASSES: Record<string, (c: number) => boolean> = {
  alnum: (c) => isAlpha(c) || isDigit(c),
  alpha: (c) => isAlpha(c),
  blank: (c) => c === 0x20 || c === 0x09,
  cntrl: (c) => c < 0x20 || c === 0x7f,
  digit: (c) => isDigit(c),
  graph: (c) => c > 0x20 && c < 0x7f,
  lower: (c) => c >= 0x61 && c <= 0x7a,
  print: (c) => c >= 0x20 && c < 0x7f,
  punct: (c) => c > 0x20 && c < 0x7f && !isAlpha(c) && !isDigit(c),
  space: (c) => c === 0x20 || (c >= 0x09 && c <= 0x0d),
  upper: (c) => c >= 0x41 && c <= 0x5a,
  xdigit: (c) => isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66),
};

function isAlpha(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** Characters that make a pattern more than a literal string. */
const META = /[*?[\\]/;

/** True when fnmatch(pattern, s) would be a plain string comparison. */
export function isLiteralPattern(pattern: string): boolean {
  return !META.test(pattern);
}

// Result of matching one bracket expression: the index after it, NO_MATCH, or LITERAL when the
// bracket is not terminated (glibc then matches the `[` as an ordinary character).
const NO_MATCH = -1;
const LITERAL = -2;
const NEVER = -3;

function bracket(p: string, start: number, ch: number): number {
  let i = start + 1;
  let negate = false;
  if (p[i] === '!' || p[i] === '^') {
    negate = true;
    i++;
  }
  let matched = false;
  let first = true;
  for (;;) {
    if (i >= p.length) return LITERAL;
    let c = p.charCodeAt(i);
    if (c === 0x5d && !first) {
      i++;
      break;
    }
    first = false;
    if (c === 0x5b && (p[i + 1] === ':' || p[i + 1] === '=' || p[i + 1] === '.')) {
      const kind = p[i + 1];
      const close = p.indexOf(`${kind}]`, i + 2);
      if (close < 0) return LITERAL;
      const name = p.slice(i + 2, close);
      i = close + 2;
      if (kind === ':') {
        const test = CLASSES[name];
        // glibc: an unknown class name makes the whole pattern fail to match.
        if (!test) return NEVER;
        if (test(ch)) matched = true;
      } else if (name.length === 1) {
        // Equivalence classes and collating symbols are single characters in the C locale.
        if (name.charCodeAt(0) === ch) matched = true;
      } else {
        return NEVER;
      }
      continue;
    }
    if (c === 0x5c) {
      i++;
      if (i >= p.length) return LITERAL;
      c = p.charCodeAt(i);
    }
    i++;
    if (p[i] === '-' && i + 1 < p.length && p[i + 1] !== ']') {
      let hi = p.charCodeAt(i + 1);
      i += 2;
      if (hi === 0x5c) {
        if (i >= p.length) return LITERAL;
        hi = p.charCodeAt(i);
        i++;
      }
      if (ch >= c && ch <= hi) matched = true;
    } else if (ch === c) {
      matched = true;
    }
  }
  return matched !== negate ? i : NO_MATCH;
}

/** Match one non-star token of `p` at `pi` against the byte `ch`: index after it, or < 0. */
function single(p: string, pi: number, ch: number): number {
  const c = p.charCodeAt(pi);
  if (c === 0x3f) return pi + 1;
  if (c === 0x5c) {
    // A trailing backslash never matches (glibc returns FNM_NOMATCH).
    if (pi + 1 >= p.length) return NEVER;
    return p.charCodeAt(pi + 1) === ch ? pi + 2 : NO_MATCH;
  }
  if (c === 0x5b) {
    const r = bracket(p, pi, ch);
    if (r !== LITERAL) return r;
    return ch === 0x5b ? pi + 1 : NO_MATCH;
  }
  return c === ch ? pi + 1 : NO_MATCH;
}

/** fnmatch(pattern, s, 0) === 0. */
export function fnmatch(pattern: string, s: string): boolean {
  if (!META.test(pattern)) return pattern === s;
  let p = 0;
  let i = 0;
  let starP = -1;
  let starI = 0;
  while (i < s.length) {
    if (p < pattern.length) {
      if (pattern.charCodeAt(p) === 0x2a) {
        while (pattern.charCodeAt(p) === 0x2a) p++;
        starP = p;
        starI = i;
        continue;
      }
      const next = single(pattern, p, s.charCodeAt(i));
      if (next === NEVER) return false;
      if (next >= 0) {
        p = next;
        i++;
        continue;
      }
    }
    // Backtrack: let the last star swallow one more character.
    if (starP < 0) return false;
    p = starP;
    i = ++starI;
  }
  while (pattern.charCodeAt(p) === 0x2a) p++;
  return p === pattern.length;
}
