// sort's key extraction and comparisons (GNU coreutils 9.1 sort.c, C locale): -k field and
// character positions, keycompare()'s -n -g -h -V -M -R -d -f -i orderings.
import { strtod } from './awk_value.ts';
import { asciiUpper } from './ascii.ts';

export interface Opts { b: boolean; d: boolean; f: boolean; g: boolean; h: boolean; i: boolean; M: boolean; n: boolean; r: boolean; R: boolean; V: boolean }
export interface Key extends Opts { sf: number; sc: number; ef: number; ec: number; bStart: boolean; bEnd: boolean; own: boolean }

const blank = (c: string): boolean => c === ' ' || c === '\t';
export const noOpts = (): Opts => ({ b: false, d: false, f: false, g: false, h: false, i: false, M: false, n: false, r: false, R: false, V: false });

/** Parse "-k F[.C][opts][,F[.C][opts]]". */
export function parseKey(spec: string): Key | string {
  // The 'k' case of sort.c's main(): parse_field_count() for each number (blanks and '+'
  // allowed, as xstrtoumax), set_ordering() for the letters, then nothing may be left.
  let i = 0;
  const bad = (what: string): string => `${what}: invalid field specification '${spec}'`;
  const count = (msg: string): number | string => {
    const m = /^[ \t\n\v\f\r]*\+?(\d+)/.exec(spec.slice(i));
    if (!m) return `${msg}: invalid count at start of '${spec.slice(i)}'`;
    i += m[0].length;
    return Math.min(Number(m[1]), Number.MAX_SAFE_INTEGER);
  };
  const letters = (): string => {
    const m = /^[bdfghiMnRrV]*/.exec(spec.slice(i))![0];
    i += m.length;
    return m;
  };
  const sf = count('invalid number at field start');
  if (typeof sf === 'string') return sf;
  if (sf === 0) return bad('field number is zero');
  let sc = 1;
  if (spec[i] === '.') {
    i++;
    const c = count("invalid number after '.'");
    if (typeof c === 'string') return c;
    if (c === 0) return bad('character offset is zero');
    sc = c;
  }
  const f1 = letters();
  let ef = -1;
  let ec = 0;
  let f2 = '';
  if (spec[i] === ',') {
    i++;
    const e = count("invalid number after ','");
    if (typeof e === 'string') return e;
    if (e === 0) return bad('field number is zero');
    ef = e - 1;
    if (spec[i] === '.') {
      i++;
      const c = count("invalid number after '.'");
      if (typeof c === 'string') return c;
      ec = c;
    }
    f2 = letters();
  }
  if (i < spec.length) return bad('stray character in field spec');
  const o = noOpts();
  const flags = f1 + f2;
  for (const c of flags) if (c in o) (o as unknown as Record<string, boolean>)[c] = true;
  return { ...o, sf: sf - 1, sc: sc - 1, ef, ec, bStart: f1.includes('b'), bEnd: f2.includes('b'), own: flags.length > 0 };
}

/** Start index of field `f` (0-based): -t splits at the tab char, else blank runs lead a field. */
function fieldStart(line: string, f: number, tab: string | null): number {
  let p = 0;
  for (let k = 0; k < f && p < line.length; k++) {
    if (tab !== null) {
      const i = line.indexOf(tab, p);
      p = i < 0 ? line.length : i + 1;
    } else {
      while (p < line.length && blank(line[p])) p++;
      while (p < line.length && !blank(line[p])) p++;
    }
  }
  return p;
}
function fieldEnd(line: string, start: number, tab: string | null): number {
  if (tab !== null) {
    const i = line.indexOf(tab, start);
    return i < 0 ? line.length : i;
  }
  let p = start;
  while (p < line.length && blank(line[p])) p++;
  while (p < line.length && !blank(line[p])) p++;
  return p;
}

export function keyText(line: string, k: Key, tab: string | null): string {
  const [beg, lim] = keyRange(line, k, tab);
  return lim > beg ? line.slice(beg, lim) : '';
}

/** begfield() and limfield(): where the key starts and ends in `line` (the end may precede the start). */
export function keyRange(line: string, k: Key, tab: string | null): [number, number] {
  let beg = fieldStart(line, k.sf, tab);
  if (k.bStart || (k.b && !k.own)) while (beg < line.length && blank(line[beg])) beg++;
  beg = Math.min(beg + k.sc, line.length);
  let lim: number;
  if (k.ef < 0) lim = line.length;
  else {
    const fs = fieldStart(line, k.ef, tab);
    if (k.ec === 0) lim = fieldEnd(line, fs, tab);
    else {
      let p = fs;
      if (k.bEnd) while (p < line.length && blank(line[p])) p++;
      lim = Math.min(p + k.ec, line.length);
    }
  }
  return [beg, lim];
}

/** numcompare(): -n without converting to a double, so big numbers compare right. */
function numCompare(a: string, b: string): number {
  const parse = (s: string): [number, string, string] => {
    const m = /^[ \t]*(-?)(\d*)(?:\.(\d*))?/.exec(s)!;
    const int = m[2].replace(/^0+/, '');
    const frac = (m[3] ?? '').replace(/0+$/, '');
    const zero = !int && !frac;
    return [zero ? 1 : m[1] ? -1 : 1, int, frac];
  };
  const [sa, ia, fa] = parse(a);
  const [sb, ib, fb] = parse(b);
  if (sa !== sb) return sa - sb;
  let c = ia.length !== ib.length ? ia.length - ib.length : ia < ib ? -1 : ia > ib ? 1 : 0;
  if (!c) c = fa < fb ? -1 : fa > fb ? 1 : 0;
  return sa * c;
}

/** strtold()'s value of `s`, or null when it converts nothing. */
function general(s: string): number | null {
  return /^[ \t\n\v\f\r]*[-+]?(\d|\.\d|inf|nan)/i.test(s) ? strtod(s) : null;
}

/** general_numcompare(): conversion failures first, then NaNs, then the numbers in order. */
function generalCompare(a: string, b: string): number {
  const x = general(a);
  const y = general(b);
  if (x === null) return y === null ? 0 : -1;
  if (y === null) return 1;
  if (x < y) return -1;
  if (x > y) return 1;
  if (x === y) return 0;
  if (y === y) return -1;
  if (x === x) return 1;
  // Two NaNs: memcmp() of the long doubles, where only the sign byte differs ("nan" < "-nan").
  const neg = (t: string): number => (/^[ \t\n\v\f\r]*-/.test(t) ? 1 : 0);
  return neg(a) - neg(b);
}

/** getmonth(): blanks skipped, then a C-locale month abbreviation in any case; 0 if none. */
function month(s: string): number {
  const t = asciiUpper(s.replace(/^[ \t\n\v\f\r]+/, '').slice(0, 3));
  return MONTHS.indexOf(t) + 1;
}
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

/** -R: compare_random() orders keys by a salted hash (MD5 with a random salt in GNU; here a
 *  fixed FNV-1a, so the "random" order is the same on every run), ties by the bytes. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** -h: a SI suffix (K, M, G, ...) outranks the number in front of it. */
function humanCompare(a: string, b: string): number {
  const suffix = (s: string): number => {
    const m = /^[ \t]*-?\d*(?:\.\d*)?([KkMGTPEZYRQ]?)/.exec(s)!;
    return m[1] ? 'kKMGTPEZYRQ'.indexOf(m[1]) || 1 : 0;
  };
  const neg = (s: string): boolean => /^[ \t]*-/.test(s);
  const sa = suffix(a) * (neg(a) ? -1 : 1);
  const sb = suffix(b) * (neg(b) ? -1 : 1);
  return sa !== sb ? sa - sb : numCompare(a, b);
}

/** -V: Debian's verrevcmp (what filevercmp builds on): digit runs numerically, '~' first. */
function versionCompare(a: string, b: string): number {
  const order = (c: string | undefined): number => {
    if (c === undefined) return 0;
    if (c === '~') return -1;
    if (/[A-Za-z]/.test(c)) return c.charCodeAt(0);
    return c.charCodeAt(0) + 256;
  };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    while ((i < a.length && !/\d/.test(a[i])) || (j < b.length && !/\d/.test(b[j]))) {
      const x = i < a.length && !/\d/.test(a[i]) ? order(a[i]) : 0;
      const y = j < b.length && !/\d/.test(b[j]) ? order(b[j]) : 0;
      if (x !== y) return x - y;
      i++;
      j++;
    }
    while (a[i] === '0') i++;
    while (b[j] === '0') j++;
    let first = 0;
    while (/\d/.test(a[i] ?? '') && /\d/.test(b[j] ?? '')) {
      if (!first) first = a.charCodeAt(i) - b.charCodeAt(j);
      i++;
      j++;
    }
    if (/\d/.test(a[i] ?? '')) return 1;
    if (/\d/.test(b[j] ?? '')) return -1;
    if (first) return first;
  }
  return 0;
}

export function compareText(a: string, b: string, o: Opts): number {
  if (o.n) return numCompare(a, b);
  if (o.h) return humanCompare(a, b);
  if (o.V) return versionCompare(a, b);
  if (o.g) return generalCompare(a, b);
  if (o.M) return month(a) - month(b);
  if (o.R) {
    const x = hash(a);
    const y = hash(b);
    if (x !== y) return x < y ? -1 : 1;
  }
  if (o.d || o.i) {
    const keep = (c: string): boolean => (o.d ? /[A-Za-z0-9 \t]/.test(c) : c >= ' ' && c <= '~');
    a = [...a].filter(keep).join('');
    b = [...b].filter(keep).join('');
  }
  if (o.f) { a = asciiUpper(a); b = asciiUpper(b); }
  return a < b ? -1 : a > b ? 1 : 0;
}
