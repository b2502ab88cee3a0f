// sort --debug (coreutils 9.1 sort.c): key_warnings() before sorting, and after each output line
// debug_line()'s underlines: each key's extent (numbers, months and -b keys tightened to what
// is compared; "^ no match for key" for an empty one), then the whole line unless -s or -u.
// Widths are mbsnwidth() in the C locale plus one per tab (printed as '>').
import { strtod as strtodParse } from '../bin/strtod.ts';
import { asciiUpper } from './ascii.ts';
import { keyRange } from './sort_keys.ts';
import type { Key, Opts } from './sort_keys.ts';

/** A key as sort.c sees it: sf < 0 is the global key of a run without -k (sword SIZE_MAX). */
export type DebugKey = Key;

const blank = (c: string | undefined): boolean => c === ' ' || c === '\t';
const numeric = (k: Opts): boolean => k.n || k.g || k.h;

/** key_to_opts(). */
function keyOpts(k: Opts & { bStart: boolean; bEnd: boolean }): string {
  let s = k.bStart || k.bEnd ? 'b' : '';
  for (const [c, on] of [['d', k.d], ['f', k.f], ['g', k.g], ['h', k.h], ['i', k.i], ['M', k.M], ['n', k.n], ['R', k.R], ['r', k.r], ['V', k.V]] as const) {
    if (on) s += c;
  }
  return s;
}

/** default_key_compare(): no option that changes the comparison (-r does not count). */
const plain = (k: Opts & { bStart: boolean; bEnd: boolean }): boolean =>
  !(k.d || k.i || k.f || k.bStart || k.bEnd || numeric(k) || k.M || k.V || k.R);

/** The warnings key_warnings() prints (each line without "sort: "). */
export function keyWarnings(keys: readonly DebugKey[], g: Opts, gkeyOnly: boolean, tab: string | null, stable: boolean, unique: boolean): string[] {
  const out: string[] = ['text ordering performed using simple byte comparison'];
  const ug = { ...g, bStart: g.b, bEnd: g.b };
  let anyNumeric = false;
  keys.forEach((k, i) => {
    const n = i + 1;
    if (numeric(k)) anyNumeric = true;
    const zeroWidth = k.sf >= 0 && k.ef >= 0 && k.ef < k.sf;
    if (zeroWidth) out.push(`key ${n} has zero width and will be ignored`);
    const implicitSkip = numeric(k) || k.M;
    const lineOffset = k.ef === 0 && k.ec !== 0;
    if (!zeroWidth && !gkeyOnly && tab === null && !lineOffset &&
      ((!k.bStart && !implicitSkip) || (!k.bStart && k.sc) || (!k.bEnd && k.ec))) {
      out.push(`leading blanks are significant in key ${n}; consider also specifying 'b'`);
    }
    if (!gkeyOnly && numeric(k) && (k.ef < 0 || k.sf < k.ef)) out.push(`key ${n} is numeric and spans multiple fields`);
    for (const c of ['d', 'i', 'f', 'M', 'n', 'g', 'h', 'R', 'V', 'r'] as const) if (k[c]) ug[c] = false;
    if (k.bStart) ug.bStart = false;
    if (k.bEnd) ug.bEnd = false;
  });
  // No thousands separator in the C locale: a -t of '.', '-' (or '+' for -g) is what a numeric
  // key spanning fields could read as part of a number.
  let warned = false;
  const spans = (k: DebugKey): boolean => numeric(k) && !gkeyOnly && (k.ef < 0 || k.sf < k.ef);
  if (keys.some(spans) && tab !== null) {
    const t = tab === '.' ? 'a decimal point' : tab === '-' ? 'a minus sign' : tab === '+' && keys.some((k) => k.g && spans(k)) ? 'a plus sign' : '';
    if (t) {
      out.push(`field separator '${tab}' is treated as ${t} in numbers`);
      warned = tab === '.';
    }
  }
  if (anyNumeric && !warned) out.push(`${tab === '.' ? '' : 'note '}numbers use '.' as a decimal point in this locale`);
  if (!plain(ug) || (ug.r && (stable || unique) && keys.length)) {
    const r = ug.r;
    if (!(stable || unique)) ug.r = false;
    const o = keyOpts(ug);
    out.push(o.length > 1 ? `options '-${o}' are ignored` : `option '-${o}' is ignored`);
    ug.r = r;
  }
  if (ug.r && !(stable || unique) && keys.length) out.push("option '-r' only applies to last-resort comparison");
  return out;
}

/** mbsnwidth() in the C locale plus one per tab. */
function width(s: string): number {
  let w = 0;
  for (const c of s) if (c === '\t' || (c >= ' ' && c !== '\x7f')) w++;
  return w;
}

/** traverse_raw_number(): digits, then '.' and digits; the end, or -1 without a digit. */
function rawNumberEnd(s: string, p: number): number {
  let digit = false;
  while (s[p] >= '0' && s[p] <= '9') { p++; digit = true; }
  if (s[p] === '.') {
    p++;
    while (s[p] >= '0' && s[p] <= '9') { p++; digit = true; }
  }
  return digit ? p : -1;
}

/** debug_key(): the underline of one key (null: the whole line). */
function mark(line: string, k: DebugKey | null, tab: string | null): string {
  let beg = 0, lim = line.length;
  if (k) {
    if (k.sf >= 0) [beg, lim] = keyRange(line, k, tab);
    if (k.sf < 0 || k.ef < 0) lim = line.length;
    if ((k.bStart && k.sf < 0) || k.M || numeric(k)) {
      while (beg < lim && blank(line[beg])) beg++;
      let tight = beg;
      const text = line.slice(0, lim);
      if (lim < beg) tight = lim;
      else if (k.M) tight = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'].includes(asciiUpper(text.slice(beg, beg + 3))) ? beg + 3 : beg;
      else if (k.g) tight = beg + strtodParse(text.slice(beg)).end;
      else if (!k.n && !k.h) tight = lim;
      else {
        const e = rawNumberEnd(text, beg + (text[beg] === '-' ? 1 : 0));
        if (e >= 0) tight = e + (k.h && 'KMGTPEZYk'.includes(text[e] ?? '\0') && e < text.length ? 1 : 0);
      }
      lim = tight;
    }
  }
  const w = width(line.slice(beg, Math.max(beg, lim)));
  return ' '.repeat(width(line.slice(0, beg))) + (w ? `${'_'.repeat(w)}\n` : '^ no match for key\n');
}

/** write_line() under --debug: the line (tabs as '>', a newline at its end), then debug_line(). */
export function debugLine(line: string, keys: readonly DebugKey[], tab: string | null, stable: boolean, unique: boolean): string {
  let out = `${line.replace(/\t/g, '>')}\n`;
  for (const k of keys) out += mark(line, k, tab);
  if (!keys.length || !(stable || unique)) out += mark(line, null, tab);
  return out;
}
