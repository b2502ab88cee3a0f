// POSIX bracket expressions ([a-z], [^]x], [[:alpha:]], [[.-.]], [[=a=]]) in the C locale, as
// GNU regex reads them, translated to a JavaScript character class over bytes.
import { RegexError } from './regex_error.ts';

/** The C locale's character classes (glibc, LC_ALL=C), as inclusive byte ranges. */
const CLASSES: Record<string, [number, number][]> = {
  alpha: [[65, 90], [97, 122]],
  digit: [[48, 57]],
  alnum: [[48, 57], [65, 90], [97, 122]],
  upper: [[65, 90]],
  lower: [[97, 122]],
  space: [[9, 13], [32, 32]],
  blank: [[9, 9], [32, 32]],
  punct: [[33, 47], [58, 64], [91, 96], [123, 126]],
  print: [[32, 126]],
  graph: [[33, 126]],
  cntrl: [[0, 31], [127, 127]],
  xdigit: [[48, 57], [65, 70], [97, 102]],
};

export function classRanges(name: string): [number, number][] | undefined {
  return Object.prototype.hasOwnProperty.call(CLASSES, name) ? CLASSES[name] : undefined;
}

const hex = (c: number): string => '\\x' + c.toString(16).padStart(2, '0');

/** A set of bytes as a JS class body ("\x61-\x7a\x5f"). */
export function rangesToClassBody(set: Uint8Array): string {
  let body = '';
  for (let c = 0; c < 256; c++) {
    if (!set[c]) continue;
    let e = c;
    while (e + 1 < 256 && set[e + 1]) e++;
    body += e === c ? hex(c) : e === c + 1 ? hex(c) + hex(e) : hex(c) + '-' + hex(e);
    c = e;
  }
  return body;
}

/** Add the other case of every ASCII letter in the set (C locale: ASCII only). */
export function foldCase(set: Uint8Array): void {
  for (let c = 65; c <= 90; c++) {
    if (set[c] || set[c + 32]) set[c] = set[c + 32] = 1;
  }
}

export interface Bracket {
  /** JS source for the class, e.g. "[\x61-\x7a]" or "[^\x5d]". */
  source: string;
  /** Index just past the closing ']'. */
  end: number;
  /** Looks like "[:alpha:]" without the outer brackets: ':' first and last, something else in
   *  between, no range (dfa.c's colon_warning_state == 7, an error in grep and sed). */
  colonSyntax: boolean;
}

const UNMATCHED = 'Unmatched [, [^, [:, [., or [=';

/**
 * Parse the bracket expression whose '[' is at `start`. A backslash is an ordinary character
 * inside brackets (POSIX), and ']' first (after an optional '^') is literal.
 */
/** Decodes an escape at p[i] === '\\' inside brackets: [byte, length], or null to keep the
 *  backslash as an ordinary member (POSIX). sed converts \n \t \xHH ... first (normalize_text()),
 *  mawk all of its escapes. */
export type BracketEscape = (p: string, i: number) => [number, number] | null;

export function parseBracket(p: string, start: number, icase: boolean, awk = false, esc?: BracketEscape): Bracket {
  let i = start + 1;
  let negate = false;
  if (p[i] === '^') {
    negate = true;
    i++;
  }
  // glibc's parse_bracket_exp(): the pattern ending right after "[" or "[^" is REG_BADPAT.
  if (i >= p.length && !awk) throw new RegexError('Invalid regular expression');
  const body0 = i;
  let ranged = false;
  const set = new Uint8Array(256);
  let first = true;
  for (;;) {
    if (i >= p.length) throw new RegexError(UNMATCHED);
    const ch = p[i];
    if (ch === ']' && !first) {
      i++;
      break;
    }
    first = false;
    let lo: number;
    if (ch === '[' && (p[i + 1] === ':' || p[i + 1] === '.' || p[i + 1] === '=')) {
      const kind = p[i + 1];
      const close = p.indexOf(kind + ']', i + 2);
      if (close < 0) throw new RegexError(UNMATCHED);
      const name = p.slice(i + 2, close);
      i = close + 2;
      if (kind === ':') {
        const ranges = classRanges(name);
        if (!ranges) throw new RegexError('Invalid character class name');
        for (const [a, b] of ranges) set.fill(1, a, b + 1);
        if (p[i] === '-' && p[i + 1] !== ']') throw new RegexError('Invalid range end');
        continue;
      }
      // [.c.] and [=c=]: the C locale knows only single-byte collating elements.
      if (name.length !== 1) throw new RegexError('Invalid collation character');
      lo = name.charCodeAt(0);
    } else {
      const e = ch === '\\' && esc ? esc(p, i) : null;
      lo = e ? e[0] : ch.charCodeAt(0);
      i += e ? e[1] : 1;
    }
    // A range "lo-hi", unless the '-' is the last character before ']'.
    if (p[i] === '-' && p[i + 1] !== undefined && p[i + 1] !== ']') {
      let hi: number;
      if (p[i + 1] === '[' && (p[i + 2] === '.' || p[i + 2] === '=')) {
        const kind = p[i + 2];
        const close = p.indexOf(kind + ']', i + 3);
        if (close < 0) throw new RegexError(UNMATCHED);
        const name = p.slice(i + 3, close);
        if (name.length !== 1) throw new RegexError('Invalid collation character');
        hi = name.charCodeAt(0);
        i = close + 2;
      } else if (p[i + 1] === '[' && p[i + 2] === ':') {
        throw new RegexError('Invalid range end');
      } else {
        const e = p[i + 1] === '\\' && esc ? esc(p, i + 1) : null;
        hi = e ? e[0] : p.charCodeAt(i + 1);
        i += e ? 1 + e[1] : 2;
      }
      if (hi < lo) throw new RegexError('Invalid range end');
      set.fill(1, lo, hi + 1);
      ranged = true;
      continue;
    }
    set[lo] = 1;
  }
  const inner = p.slice(body0, i - 1);
  const colonSyntax = !ranged && inner.length > 2 && inner[0] === ':' && inner[inner.length - 1] === ':' && /[^:]/.test(inner);
  if (icase) foldCase(set);
  const body = rangesToClassBody(set);
  if (!body) return { source: negate ? '[^]' : '[]', end: i, colonSyntax };
  return { source: (negate ? '[^' : '[') + body + ']', end: i, colonSyntax };
}
