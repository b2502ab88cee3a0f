// awk values as mawk keeps them: numbers, strings, "strnums" (input that looks numeric, which
// compares as a number) and the uninitialized value; conversions with CONVFMT/OFMT.
import { formatFloat, formatInt } from './awk_format.ts';

/** A string from input (field, getline, ARGV, ENVIRON, -v) that looks like a number. */
export class StrNum {
  constructor(readonly s: string, readonly n: number) {}
}

/** undefined is the uninitialized value: "" as a string, 0 as a number. */
export type Val = number | string | StrNum | undefined;

const MAX_INT = 2147483647;

/** mawk's test for a numeric-looking string: optional blanks, a decimal number, blanks. */
const NUMERIC = /^[ \t\n\f\r\v]*[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?[ \t\n\f\r\v]*$/;

/** Input text as awk sees it: a strnum if it looks numeric. */
export function fromInput(s: string): Val {
  return NUMERIC.test(s) ? new StrNum(s, strtod(s)) : s;
}

/** glibc strtod() on the longest valid prefix (mawk converts strings with it: "0x1A" is 26). */
export function strtod(s: string): number {
  const m = /^[ \t\n\f\r\v]*([-+]?)(?:(0[xX](?:[0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+)(?:[pP][-+]?\d+)?)|((?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)|(inf(?:inity)?|nan)(?![0-9a-zA-Z]))/i.exec(s);
  if (!m) return 0;
  const sign = m[1] === '-' ? -1 : 1;
  if (m[3]) return sign * Number(m[3]);
  if (m[4]) return m[4][0].toLowerCase() === 'i' ? sign * Infinity : NaN;
  const hm = /^0[xX]([0-9a-fA-F]*)\.?([0-9a-fA-F]*)(?:[pP]([-+]?\d+))?$/.exec(m[2])!;
  let v = parseInt(hm[1] || '0', 16);
  for (let i = 0; i < hm[2].length; i++) v += parseInt(hm[2][i], 16) / 16 ** (i + 1);
  return sign * v * 2 ** Number(hm[3] ?? 0);
}

export function toNum(v: Val): number {
  if (typeof v === 'number') return v;
  if (v === undefined) return 0;
  if (v instanceof StrNum) return v.n;
  return strtod(v);
}

/** Number to string: an integer in int range prints as %d, anything else through `fmt`. */
export function numToStr(n: number, fmt: string): string {
  if (Number.isInteger(n) && n >= -MAX_INT && n <= MAX_INT) return String(n === 0 ? 0 : n);
  return sprintfNumber(fmt, n);
}

/** A CONVFMT/OFMT-style single conversion ("%.6g"). */
function sprintfNumber(fmt: string, n: number): string {
  const m = /^%([-+ #0]*)(\d*)(?:\.(\d*))?([diouxXeEfFgGc])$/.exec(fmt);
  if (!m) return String(n);
  const spec = { flags: m[1], width: m[2] ? Number(m[2]) : 0, prec: m[3] !== undefined ? Number(m[3] || '0') : null, conv: m[4] };
  if ('diouxX'.includes(spec.conv)) return formatInt(clampInt(n), spec);
  if (spec.conv === 'c') return String.fromCharCode(clampInt(n) & 0xff);
  return formatFloat(n, spec);
}

export function clampInt(n: number): number {
  if (Number.isNaN(n)) return MAX_INT;
  const t = Math.trunc(n);
  return t > MAX_INT ? MAX_INT : t < -MAX_INT ? -MAX_INT : t;
}

export function toStr(v: Val, convfmt: string): string {
  if (typeof v === 'string') return v;
  if (v === undefined) return '';
  if (v instanceof StrNum) return v.s;
  return numToStr(v, convfmt);
}

export function isTrue(v: Val): boolean {
  if (typeof v === 'number') return v !== 0;
  if (v === undefined) return false;
  if (v instanceof StrNum) return v.n !== 0;
  return v !== '';
}

const isNumeric = (v: Val): boolean => typeof v === 'number' || v === undefined || v instanceof StrNum;

/** POSIX comparison: numeric if both sides are numeric (or uninitialized), else as strings. */
export function compare(a: Val, b: Val, convfmt: string): number {
  if (isNumeric(a) && isNumeric(b)) {
    const x = toNum(a);
    const y = toNum(b);
    return x < y ? -1 : x > y ? 1 : x === y ? 0 : 1;
  }
  const s = toStr(a, convfmt);
  const t = toStr(b, convfmt);
  return s < t ? -1 : s > t ? 1 : 0;
}
