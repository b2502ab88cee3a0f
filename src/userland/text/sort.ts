// GNU coreutils 9.1 sort in the C locale: -b -d -f -g -i -n -r -k POS1[,POS2] -t -u -s -c -C
// -o -z, key extraction as keycompare() does it, the whole-line last-resort comparison, and
// its diagnostics.
import { getoptLong } from './getopt.ts';
import { strtod } from './awk_value.ts';
import { asciiUpper } from './ascii.ts';
import { OutBuf } from './textio.ts';
import type { TextGen } from './textio.ts';
import { err, readWhole } from './textmain.ts';
import { strerror } from '../../uapi/errno.ts';

const TRY = "Try 'sort --help' for more information.\n";

interface Opts { b: boolean; d: boolean; f: boolean; g: boolean; h: boolean; i: boolean; n: boolean; r: boolean; V: boolean }
interface Key extends Opts { sf: number; sc: number; ef: number; ec: number; bStart: boolean; bEnd: boolean; own: boolean }

const blank = (c: string): boolean => c === ' ' || c === '\t';
const noOpts = (): Opts => ({ b: false, d: false, f: false, g: false, h: false, i: false, n: false, r: false, V: false });

/** Parse "-k F[.C][opts][,F[.C][opts]]". */
function parseKey(spec: string): Key | string {
  const m = /^(\d+)(?:\.(\d+))?([bdfghiMnrRV]*)(?:,(\d+)(?:\.(\d+))?([bdfghiMnrRV]*))?$/.exec(spec);
  if (!m) {
    const bad = /^\d+/.exec(spec) ? spec : spec;
    return `invalid number at field start: invalid count at start of '${bad}'`;
  }
  const sf = Number(m[1]);
  if (sf === 0) return `field number is zero: invalid field specification '${spec}'`;
  if (m[2] !== undefined && Number(m[2]) === 0) return `character offset is zero: invalid field specification '${spec}'`;
  const o = noOpts();
  const flags = (m[3] ?? '') + (m[6] ?? '');
  for (const c of flags) if (c in o) (o as unknown as Record<string, boolean>)[c] = true;
  return {
    ...o, sf: sf - 1, sc: m[2] ? Number(m[2]) - 1 : 0, ef: m[4] ? Number(m[4]) - 1 : -1, ec: m[5] ? Number(m[5]) : 0,
    bStart: (m[3] ?? '').includes('b'), bEnd: (m[6] ?? '').includes('b'), own: flags.length > 0,
  };
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

function keyText(line: string, k: Key, tab: string | null): string {
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
  return lim > beg ? line.slice(beg, lim) : '';
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

function general(s: string): number {
  return /^[ \t]*[-+]?(\d|\.\d|inf|nan|0x)/i.test(s) ? strtod(s) : -Infinity;
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

function compareText(a: string, b: string, o: Opts): number {
  if (o.n) return numCompare(a, b);
  if (o.h) return humanCompare(a, b);
  if (o.V) return versionCompare(a, b);
  if (o.g) {
    const x = general(a);
    const y = general(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (o.d || o.i) {
    const keep = (c: string): boolean => (o.d ? /[A-Za-z0-9 \t]/.test(c) : c >= ' ' && c <= '~');
    a = [...a].filter(keep).join('');
    b = [...b].filter(keep).join('');
  }
  if (o.f) { a = asciiUpper(a); b = asciiUpper(b); }
  return a < b ? -1 : a > b ? 1 : 0;
}

export function* sortMain(argv: readonly string[]): TextGen<number> {
  const L = (key: string, has: 'none' | 'required' = 'none') => ({ key, has });
  const r = getoptLong('sort', argv, {
    short: 'bcCdfghik:mno:rsS:t:T:uVz',
    long: { 'ignore-leading-blanks': L('b'), check: L('c'), 'dictionary-order': L('d'), 'ignore-case': L('f'),
      'general-numeric-sort': L('g'), 'human-numeric-sort': L('h'), 'version-sort': L('V'), 'ignore-nonprinting': L('i'), key: L('k', 'required'), merge: L('m'),
      'numeric-sort': L('n'), output: L('o', 'required'), reverse: L('r'), stable: L('s'), 'field-separator': L('t', 'required'),
      unique: L('u'), 'zero-terminated': L('z'), help: L('help'), version: L('version') },
  });
  if (!r.ok) { yield* err(r.message + TRY); return 2; }
  const g = noOpts();
  const keys: Key[] = [];
  let tab: string | null = null;
  let unique = false;
  let stable = false;
  let check: '' | 'c' | 'C' = '';
  let output: string | null = null;
  let eol = '\n';
  for (const { key, value = '' } of r.opts) {
    if (key in g && key.length === 1) { (g as unknown as Record<string, boolean>)[key] = true; continue; }
    switch (key) {
      case 'k': {
        const k = parseKey(value);
        if (typeof k === 'string') { yield* err(`sort: ${k}\n`); return 2; }
        keys.push(k);
        break;
      }
      case 't':
        if (value.length !== 1) { yield* err(value ? `sort: multi-character tab '${value}'\n` : `sort: empty tab\n`); return 2; }
        tab = value;
        break;
      case 'u': unique = true; break;
      case 's': stable = true; break;
      case 'c': case 'C': check = key; break;
      case 'o': output = value; break;
      case 'z': eol = '\0'; break;
      case 'help': yield { op: 'out', fd: 1, data: 'Usage: sort [OPTION]... [FILE]...\n' }; return 0;
      case 'version': yield { op: 'out', fd: 1, data: 'sort (GNU coreutils) 9.1\n' }; return 0;
    }
  }
  const modes = (['g', 'h', 'n', 'V'] as const).filter((c) => g[c]);
  if (modes.length > 1) { yield* err(`sort: options '-${modes.join('')}' are incompatible\n`); return 2; }
  // Keys without options of their own take the global ones.
  for (const k of keys) if (!k.own) Object.assign(k, { ...g, bStart: g.b, bEnd: g.b });
  const cmp = (a: string, b: string): number => {
    if (keys.length) {
      for (const k of keys) {
        const c = compareText(keyText(a, k, tab), keyText(b, k, tab), k);
        if (c) return k.r ? -c : c;
      }
    } else if (g.n || g.g || g.h || g.V || g.f || g.d || g.i || g.b) {
      const c = compareText(g.b ? a.replace(/^[ \t]+/, '') : a, g.b ? b.replace(/^[ \t]+/, '') : b, g);
      if (c) return g.r ? -c : c;
    } else if (a !== b) {
      return (a < b ? -1 : 1) * (g.r ? -1 : 1);
    }
    if (unique || stable) return 0;
    const c = a < b ? -1 : a > b ? 1 : 0;
    return g.r ? -c : c;
  };
  const files = r.operands.length ? r.operands : ['-'];
  let data = '';
  for (const f of files) {
    const d = yield* readWhole(f);
    if (typeof d === 'number') { yield* err(`sort: cannot read: ${f}: ${strerror(d)}\n`); return 2; }
    data += d && !d.endsWith(eol) ? d + eol : d;
  }
  const lines = data ? data.slice(0, -1).split(eol) : [];
  if (check) {
    for (let i = 1; i < lines.length; i++) {
      const c = cmp(lines[i - 1], lines[i]);
      if (c > 0 || (unique && c === 0)) {
        if (check === 'c') yield* err(`sort: ${files[0]}:${i + 1}: disorder: ${lines[i]}\n`);
        return 1;
      }
    }
    return 0;
  }
  const order = lines.map((_, i) => i);
  order.sort((x, y) => cmp(lines[x], lines[y]) || x - y);
  let text = '';
  let prev: string | null = null;
  for (const i of order) {
    if (unique && prev !== null && cmp(prev, lines[i]) === 0) continue;
    prev = lines[i];
    text += lines[i] + eol;
  }
  if (output !== null) {
    const w = (yield { op: 'write', file: output, data: text, append: false }) as number;
    if (w < 0) { yield* err(`sort: open failed: ${output}: ${strerror(-w)}\n`); return 2; }
    return 0;
  }
  const out = new OutBuf();
  out.add(text);
  yield* out.flush();
  return 0;
}
