// printf(1) formatting, shared by the shell builtins (dash and bash) and /usr/bin/printf: a port
// of dash's bltin/printf.c (format reuse while arguments remain, \ escapes in the format, %b with
// \c and \0nnn, 'c / "c character values, strtoimax base-0 numbers, "expected numeric value"
// warnings) over a small C printf for the conversions. Strings are byte strings.

import { expo, fixed, general } from '../text/awk_format.ts';
import { hexFloatLD, strtold } from './ldouble.ts';
import type { LDouble } from './ldouble.ts';
import { shellQuote } from './shquote.ts';
import { strtod, strtodRange, strtoInt } from './strtonum.ts';

export type NumErrorKind = 'expected' | 'partial' | 'range';

export interface PrintfOptions {
  /** The warning for a bad numeric argument (dash: "x: expected numeric value"). */
  numError(arg: string, kind: NumErrorKind): string;
  /** bash and coreutils also accept \e, \E, \xHH, \uHHHH and %q; dash does not. */
  dialect: 'dash' | 'bash' | 'coreutils';
  /** bash: an out-of-range number is only a warning (builtin_warning), the status stays 0. */
  rangeWarns?: boolean;
  /** bash %(datefmt)T: format an epoch second (-1 now, -2 the shell's start) with strftime. */
  time?: { now: number; start: number; strftime(fmt: string, t: number): string };
}

export interface PrintfResult {
  out: string;
  warnings: string[];
  /** 1 if any argument failed to convert. */
  status: number;
  /** A fatal error (dash raises it): "missing format character", "%z: invalid directive". */
  error?: string;
}

export const dashPrintfOptions: PrintfOptions = {
  numError: (arg, kind) => (kind === 'expected' ? `${arg}: expected numeric value`
    : kind === 'partial' ? `${arg}: not completely converted` : `${arg}: Numerical result out of range`),
  dialect: 'dash',
};

const LD_ZERO: LDouble = { kind: 'num', neg: false, m: 0n, e: 0 };

const isodigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '7';
/** The widest field printf builds (dash would write up to 2 GiB of padding). */
const MAX_FIELD = 1 << 24;

/** conv_escape(): decode one escape after a backslash at s[i]; [char, next index]. */
export function convEscape(s: string, i: number, dialect: PrintfOptions['dialect']): [string, number] {
  const ch = s[i];
  switch (ch) {
    case '\\': return ['\\', i + 1];
    case 'a': return ['\x07', i + 1];
    case 'b': return ['\b', i + 1];
    case 'f': return ['\f', i + 1];
    case 'n': return ['\n', i + 1];
    case 'r': return ['\r', i + 1];
    case 't': return ['\t', i + 1];
    case 'v': return ['\v', i + 1];
    // Debian's dash, bash and coreutils all take \e for ESC; only bash also takes \E.
    case 'e': return ['\x1b', i + 1];
  }
  if (dialect !== 'dash') {
    if (ch === 'E' && dialect === 'bash') return ['\x1b', i + 1];
    if (ch === '"') return ['"', i + 1];
    if (ch === "'" && dialect === 'bash') return ["'", i + 1];
    if (ch === 'x' && /[0-9a-fA-F]/.test(s[i + 1] ?? '')) {
      let j = i + 1;
      let v = 0;
      while (j < s.length && j < i + 3 && /[0-9a-fA-F]/.test(s[j])) v = v * 16 + parseInt(s[j++], 16);
      return [String.fromCharCode(v), j];
    }
    if ((ch === 'u' || ch === 'U') && dialect === 'bash' && /[0-9a-fA-F]/.test(s[i + 1] ?? '')) {
      // \uHHHH \UHHHHHHHH: ASCII as itself; the C locale has no other characters, so bash
      // writes the escape back with the digits in upper case.
      let j = i + 1;
      let v = 0;
      const max = ch === 'u' ? 4 : 8;
      while (j < s.length && j < i + 1 + max && /[0-9a-fA-F]/.test(s[j])) v = v * 16 + parseInt(s[j++], 16);
      if (v < 0x80) return [String.fromCharCode(v), j];
      return [`\\${ch}${v.toString(16).toUpperCase().padStart(max, '0')}`, j];
    }
  }
  if (!isodigit(ch)) return ['\\', i];
  let v = 0;
  let n = 3;
  let j = i;
  do v = (v << 3) + (s.charCodeAt(j++) - 48); while (isodigit(s[j]) && --n);
  return [String.fromCharCode(v & 0xff), j];
}

/** conv_escape_str(): %b and dash's echo. Returns the text and whether \c stopped it. */
export function convEscapeStr(s: string, dialect: PrintfOptions['dialect'] = 'dash', bashEcho = false): { text: string; stop: boolean } {
  let out = '';
  for (let i = 0; i < s.length;) {
    const c = s[i++];
    if (c !== '\\') {
      out += c;
      continue;
    }
    if (i >= s.length) {
      out += '\\';
      break;
    }
    if (s[i] === 'c') return { text: out, stop: true };
    // bash's echo -e takes octal only as \0nnn (ansicstr() with its echo flag): \101 stays as typed.
    if (bashEcho && s[i] >= '1' && s[i] <= '7') {
      out += '\\';
      continue;
    }
    // %b octal constants start with \0 and take up to 3 more digits.
    if (s[i] === '0' && isodigit(s[i + 1])) i++;
    const [ch, j] = convEscape(s, i, dialect);
    out += ch;
    i = j;
  }
  return { text: out, stop: false };
}

interface Spec {
  flags: string;
  width: number | null;
  prec: number | null;
}

function pad(s: string, spec: Spec, numeric: boolean): string {
  const w = spec.width ?? 0;
  if (s.length >= w) return s;
  if (spec.flags.includes('-')) return s + ' '.repeat(w - s.length);
  if (numeric && spec.flags.includes('0')) {
    const m = /^[+\- ]?(?:0[xX])?/.exec(s);
    const pre = m ? m[0] : '';
    return pre + '0'.repeat(w - s.length) + s.slice(pre.length);
  }
  return ' '.repeat(w - s.length) + s;
}

/** %d %i %o %u %x %X of a 64-bit value. */
export function formatInt(v: bigint, conv: string, spec: Spec): string {
  let neg = false;
  let digits: string;
  if (conv === 'd' || conv === 'i') {
    if (v < 0n) { neg = true; v = -v; }
    digits = v.toString(10);
  } else {
    if (v < 0n) v = BigInt.asUintN(64, v);
    digits = v.toString(conv === 'o' ? 8 : conv === 'u' ? 10 : 16);
    if (conv === 'X') digits = digits.toUpperCase();
  }
  if (spec.prec !== null) {
    if (spec.prec === 0 && v === 0n) digits = '';
    if (digits.length < spec.prec) digits = '0'.repeat(spec.prec - digits.length) + digits;
  }
  let prefix = '';
  if (conv === 'd' || conv === 'i') prefix = neg ? '-' : spec.flags.includes('+') ? '+' : spec.flags.includes(' ') ? ' ' : '';
  if (spec.flags.includes('#')) {
    if (conv === 'o' && digits[0] !== '0') digits = `0${digits}`;
    if ((conv === 'x' || conv === 'X') && v !== 0n) prefix = conv === 'x' ? '0x' : '0X';
  }
  const zeroOk = spec.prec === null;
  return pad(prefix + digits, { ...spec, flags: zeroOk ? spec.flags : spec.flags.replace(/0/g, '') }, true);
}

/**
 * %e %f %g %a (and upper case) as glibc prints them (exact, half-to-even): of a double (dash), or
 * of a long double (bash and coreutils read their arguments with strtold).
 */
export function formatFloat(v: number | LDouble, conv: string, spec: Spec): string {
  const upper = conv === conv.toUpperCase();
  const c = conv.toLowerCase();
  const ld = typeof v === 'number' ? null : v;
  const neg = ld ? ld.neg : v as number < 0 || Object.is(v, -0);
  const nan = ld ? ld.kind === 'nan' : Number.isNaN(v);
  const finite = ld ? ld.kind === 'num' : Number.isFinite(v);
  let prefix = neg ? '-' : spec.flags.includes('+') ? '+' : spec.flags.includes(' ') ? ' ' : '';
  const a = ld ? { m: ld.m, e: ld.e } : Math.abs(v as number);
  let body: string;
  if (!finite) body = nan ? 'nan' : 'inf';
  else {
    const p = spec.prec ?? 6;
    const alt = spec.flags.includes('#');
    if (c === 'f') body = fixed(a, p);
    else if (c === 'e') body = expo(a, p);
    else if (c === 'g') body = general(a, p, alt);
    else body = typeof a === 'number' ? hexFloat(a, spec.prec, alt) : hexFloatLD(a.m, a.e, spec.prec, alt);
    if (alt && !body.includes('.') && c !== 'a' && c !== 'g') body = body.replace(/^(\d+)/, '$1.');
  }
  if (upper) body = body.toUpperCase();
  if (!finite) spec = { ...spec, flags: spec.flags.replace(/0/g, '') };
  // glibc prints a double NaN's sign; dash's strtod("-nan") gives the positive one.
  prefix = prefix === '-' && nan && !ld ? '' : prefix;
  return pad(prefix + body, spec, true);
}

/** glibc's %a of a double: the stored mantissa in hex after "0x1." ("0x0." when subnormal, at
 * p-1022), rounded half-to-even to the precision with the carry kept in the leading digit
 * ("0x2.0p+0"), trailing zeros dropped without one, and a '.' always with '#'. */
function hexFloat(a: number, prec: number | null, alt: boolean): string {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, a);
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  const mant = bits & ((1n << 52n) - 1n);
  let lead = biased === 0 ? 0n : 1n;
  const e = biased === 0 ? (mant === 0n ? 0 : -1022) : biased - 1023;
  let digits: string;
  if (prec === null) digits = mant.toString(16).padStart(13, '0').replace(/0+$/, '');
  else if (prec >= 13) digits = mant.toString(16).padStart(13, '0').padEnd(prec, '0');
  else {
    const drop = BigInt((13 - prec) * 4);
    let q = mant >> drop;
    const r = mant & ((1n << drop) - 1n);
    const half = 1n << (drop - 1n);
    if (r > half || (r === half && ((prec === 0 ? lead : q) & 1n) === 1n)) q++;
    if (q >> BigInt(prec * 4)) { lead++; q &= (1n << BigInt(prec * 4)) - 1n; }
    digits = prec ? q.toString(16).padStart(prec, '0') : '';
  }
  return `0x${lead}${digits || alt ? '.' : ''}${digits}p${e >= 0 ? '+' : ''}${e}`;
}

/** Format like printf(1). */
export function printf(format: string, args: readonly string[], o: PrintfOptions = dashPrintfOptions): PrintfResult {
  const res: PrintfResult = { out: '', warnings: [], status: 0 };
  let ai = 0;
  const check = (arg: string, end: number, erange: boolean): void => {
    if (end < arg.length) {
      res.warnings.push(o.numError(arg, end === 0 ? 'expected' : 'partial'));
      res.status = 1;
    } else if (erange) {
      res.warnings.push(o.numError(arg, 'range'));
      if (!o.rangeWarns) res.status = 1;
    }
  };
  const getInt = (signed: boolean): bigint => {
    if (ai >= args.length) return 0n;
    const cp = args[ai++];
    if (cp[0] === '"' || cp[0] === "'") return BigInt(cp.charCodeAt(1) || 0);
    const r = strtoInt(cp, signed);
    check(cp, cp === '' ? 0 : r.end, r.erange);
    return r.v;
  };
  const getDouble = (): number | LDouble => {
    const long = o.dialect !== 'dash';
    if (ai >= args.length) return long ? LD_ZERO : 0;
    const cp = args[ai++];
    if (cp[0] === '"' || cp[0] === "'") {
      const code = cp.charCodeAt(1) || 0;
      return long ? strtold(String(code)).v : code;
    }
    const m = /^\s*[+-]?(?:inf(?:inity)?|nan|0[xX][0-9a-fA-F]+(?:\.[0-9a-fA-F]*)?(?:[pP][+-]?\d+)?|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)/i.exec(cp);
    const end = m ? m[0].length : 0;
    // dash reads a double with strtod(); bash and coreutils read a long double with strtold().
    if (long) {
      const r = m ? strtold(m[0]) : { v: LD_ZERO, erange: false };
      check(cp, end, r.erange);
      return r.v;
    }
    const v = m ? strtod(m[0].trim()) : 0;
    check(cp, end, m !== null && strtodRange(m[0].trim(), v));
    return v;
  };
  const getStr = (): string => (ai < args.length ? args[ai++] : '');
  do {
    for (let i = 0; i < format.length;) {
      let ch = format[i++];
      if (ch === '\\') {
        const [c, j] = convEscape(format, i, o.dialect);
        res.out += c;
        i = j;
        continue;
      }
      if (ch !== '%') { res.out += ch; continue; }
      if (format[i] === '%') { res.out += '%'; i++; continue; }
      const start = i - 1;
      let flags = '';
      while (i < format.length && '#-+ 0'.includes(format[i])) flags += format[i++];
      let width: number | null = null;
      let prec: number | null = null;
      if (format[i] === '*') {
        i++;
        // dash's getint() returns the intmax_t as an int: it wraps, and -1 or a huge value turns
        // into a left-justified width. Widths past MAX_FIELD are cut there: no string that long.
        width = Number(BigInt.asIntN(32, getInt(true)));
        if (width < 0) { flags += '-'; width = -width; }
        width = Math.min(width, MAX_FIELD);
      } else {
        const m = /^[0-9]*/.exec(format.slice(i))![0];
        if (m) width = Number(m);
        i += m.length;
        while (format[i] === '*' || (format[i] >= '0' && format[i] <= '9')) i++;
      }
      if (format[i] === '.') {
        i++;
        if (format[i] === '*') {
          i++;
          prec = Number(BigInt.asIntN(32, getInt(true)));
          if (prec < 0) prec = null;
          else prec = Math.min(prec, MAX_FIELD);
        } else {
          const m = /^[0-9]*/.exec(format.slice(i))![0];
          prec = Number(m || '0');
          i += m.length;
          while (format[i] === '*' || (format[i] >= '0' && format[i] <= '9')) i++;
        }
      }
      if (o.dialect !== 'dash') while ('hlLjzt'.includes(format[i] ?? '') && i < format.length) i++;
      if (o.time && format[i] === '(') {
        const close = format.indexOf(')', i);
        if (close > 0 && format[close + 1] === 'T') {
          const tfmt = format.slice(i + 1, close);
          i = close + 2;
          let t = o.time.now;
          if (ai < args.length) {
            const a = args[ai++];
            const r = strtoInt(a, true);
            check(a, a === '' ? 0 : r.end, r.erange);
            t = Number(r.v);
            if (t === -1) t = o.time.now;
            else if (t === -2) t = o.time.start;
          }
          let s = o.time.strftime(tfmt, t);
          if (prec !== null) s = s.slice(0, prec);
          res.out += pad(s, { flags, width, prec }, false);
          continue;
        }
      }
      ch = format[i++];
      if (ch === undefined) {
        res.error = 'missing format character';
        return res;
      }
      const spec: Spec = { flags, width, prec };
      switch (ch) {
        case 'b': {
          const r = convEscapeStr(getStr(), o.dialect);
          let t = r.text;
          if (prec !== null) t = t.slice(0, prec);
          res.out += pad(t, spec, false);
          if (r.stop) return res;
          break;
        }
        case 'c': {
          const s = ai < args.length ? args[ai++] : '';
          res.out += pad(s.length ? s[0] : o.dialect === 'dash' ? '\0' : '', spec, false);
          break;
        }
        case 's': {
          let s = getStr();
          if (prec !== null) s = s.slice(0, prec);
          res.out += pad(s, spec, false);
          break;
        }
        case 'q': {
          if (o.dialect === 'dash') { res.error = `${format.slice(start, i)}: invalid directive`; return res; }
          res.out += pad(shellQuote(getStr()), spec, false);
          break;
        }
        case 'd': case 'i':
          res.out += formatInt(getInt(true), ch, spec);
          break;
        case 'o': case 'u': case 'x': case 'X':
          res.out += formatInt(getInt(false), ch, spec);
          break;
        case 'a': case 'A': case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
          res.out += formatFloat(getDouble(), ch, spec);
          break;
        default:
          res.error = `${format.slice(start, i)}: invalid directive`;
          return res;
      }
    }
  } while (ai > 0 && ai < args.length);
  return res;
}
