// GNU coreutils 9.1 printf (src/printf.c): the format reused while arguments remain, the
// "excess arguments" warning, \ escapes (\c stops everything, \uHHHH in the C locale prints as
// \uHHHH), %b, %q (shell-escape quoting), 'c character values, and GNU's diagnostics.
// The conversions themselves reuse src/userland/lib/printf.ts (shared with the shell).
import type { ProgramArgs, UserGen } from '../../uapi/syscalls.ts';
import { formatFloat, formatInt } from '../lib/printf.ts';
import { strtoInt } from '../lib/strtonum.ts';
import { Output, tryHelp, warn } from './common.ts';
import { helpText, versionText } from './opts.ts';
import { quoteC, shellEscape } from './quote.ts';
import { strtod } from './strtod.ts';
import { strtold } from '../lib/ldouble.ts';
import type { LDouble } from '../lib/ldouble.ts';

class Stop extends Error {}
class Die extends Error {}

const ESC: Record<string, string> = { '"': '"', '\\': '\\', a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };
const isOct = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '7';
const isHex = (c: string | undefined): boolean => c !== undefined && /^[0-9a-fA-F]$/.test(c);

/** print_esc(): the escape at s[i] (just after '\'); [text, next index]. */
function printEsc(s: string, i: number, octal0: boolean): [string, number] {
  let p = i;
  if (s[p] === 'x') {
    p++;
    let v = 0;
    let n = 0;
    for (; n < 2 && isHex(s[p]); n++, p++) v = v * 16 + parseInt(s[p], 16);
    if (!n) throw new Die('missing hexadecimal number in escape');
    return [String.fromCharCode(v), p];
  }
  if (isOct(s[p])) {
    if (octal0 && s[p] === '0') p++;
    let v = 0;
    for (let n = 0; n < 3 && isOct(s[p]); n++, p++) v = v * 8 + Number(s[p]);
    return [String.fromCharCode(v & 0xff), p];
  }
  if (s[p] !== undefined && s[p] in ESC) return [ESC[s[p]], p + 1];
  if (s[p] === 'c') throw new Stop();
  if (s[p] === 'u' || s[p] === 'U') {
    const len = s[p] === 'u' ? 4 : 8;
    const hex = s.slice(p + 1, p + 1 + len);
    if (hex.length < len || ![...hex].every(isHex)) throw new Die('missing hexadecimal number in escape');
    const v = parseInt(hex, 16);
    if ((v <= 0x9f && v !== 0x24 && v !== 0x40 && v !== 0x60) || (v >= 0xd800 && v <= 0xdfff)) {
      throw new Die(`invalid universal character name \\${s[p]}${v.toString(16).padStart(len, '0')}`);
    }
    // print_unicode_char() in the C locale: not representable, so the escape is printed back.
    return [v < 0x80 ? String.fromCharCode(v) : `\\${s[p]}${v.toString(16).toUpperCase().padStart(len, '0')}`, p + 1 + len];
  }
  return [`\\${s[p] ?? ''}`, s[p] === undefined ? p : p + 1];
}

class Printer {
  out = '';
  status = 0;
  warnings: string[] = [];

  private check(arg: string, end: number, range: boolean): void {
    if (range) {
      this.warnings.push(`${quoteC(arg)}: Numerical result out of range`);
      this.status = 1;
    } else if (end < arg.length) {
      this.warnings.push(end === 0 ? `${quoteC(arg)}: expected a numeric value` : `${quoteC(arg)}: value not completely converted`);
      this.status = 1;
    }
  }

  /** A character constant ('a or "a), with GNU's warning about trailing characters. */
  private charValue(arg: string): number | null {
    if ((arg[0] === '"' || arg[0] === "'") && arg.length > 1) {
      if (arg.length > 2) this.warnings.push(`warning: ${arg.slice(2)}: character(s) following character constant have been ignored`);
      return arg.charCodeAt(1);
    }
    return null;
  }

  int(arg: string, signed: boolean): bigint {
    const c = this.charValue(arg);
    if (c !== null) return BigInt(c);
    const r = strtoInt(arg, signed);
    this.check(arg, arg === '' ? 0 : r.end, r.erange);
    return r.v;
  }

  /** GNU printf reads floating-point arguments as long doubles (vstrtold). */
  float(arg: string): LDouble {
    const c = this.charValue(arg);
    if (c !== null) return strtold(String(c)).v;
    const r = strtod(arg);
    const ld = r.end ? strtold(arg.slice(0, r.end)) : { v: strtold('0').v, erange: false };
    this.check(arg, r.end, ld.erange);
    return ld.v;
  }

  /** One pass over the format; returns how many arguments it used. */
  pass(format: string, args: readonly string[]): number {
    let ai = 0;
    const next = (): string | undefined => (ai < args.length ? args[ai++] : undefined);
    for (let i = 0; i < format.length; i++) {
      const ch = format[i];
      if (ch === '\\') {
        const [t, j] = printEsc(format, i + 1, false);
        this.out += t;
        i = j - 1;
        continue;
      }
      if (ch !== '%') {
        this.out += ch;
        continue;
      }
      const start = i++;
      if (format[i] === '%') { this.out += '%'; continue; }
      if (format[i] === 'b') {
        const a = next();
        if (a !== undefined) {
          for (let k = 0; k < a.length; k++) {
            if (a[k] !== '\\') { this.out += a[k]; continue; }
            const [t, j] = printEsc(a, k + 1, true);
            this.out += t;
            k = j - 1;
          }
        }
        continue;
      }
      if (format[i] === 'q') {
        const a = next();
        if (a !== undefined) this.out += shellEscape(a);
        continue;
      }
      let flags = '';
      while ("'-+ #0I".includes(format[i] ?? 'x')) flags += format[i++];
      let width: number | null = null;
      let prec: number | null = null;
      if (format[i] === '*') {
        i++;
        const a = next();
        width = a === undefined ? 0 : Number(this.int(a, true));
        if (width < 0) { flags += '-'; width = -width; }
      } else {
        const m = /^\d*/.exec(format.slice(i))![0];
        if (m) width = Number(m);
        i += m.length;
      }
      if (format[i] === '.') {
        i++;
        if (format[i] === '*') {
          i++;
          const a = next();
          const v = a === undefined ? 0 : Number(this.int(a, true));
          prec = v < 0 ? null : v;
        } else {
          const m = /^\d*/.exec(format.slice(i))![0];
          prec = Number(m || '0');
          i += m.length;
        }
      }
      while ('lLhjtz'.includes(format[i] ?? 'x')) i++;
      const conv = format[i];
      const spec = { flags: flags.replace(/['I]/g, ''), width, prec };
      if (conv === undefined || !'aAcdeEfFgGiosuxX'.includes(conv)) {
        throw new Die(`${format.slice(start, i + 1)}: invalid conversion specification`);
      }
      const a = next();
      switch (conv) {
        case 'c': this.out += pad((a ?? '')[0] ?? '', spec); break;
        case 's': this.out += pad(prec === null ? a ?? '' : (a ?? '').slice(0, prec), spec); break;
        case 'd': case 'i': this.out += formatInt(a === undefined ? 0n : this.int(a, true), conv, spec); break;
        case 'o': case 'u': case 'x': case 'X': this.out += formatInt(a === undefined ? 0n : this.int(a, false), conv, spec); break;
        default: this.out += formatFloat(a === undefined ? strtold('0').v : this.float(a), conv, spec);
      }
    }
    return ai;
  }
}

function pad(s: string, spec: { flags: string; width: number | null }): string {
  const w = spec.width ?? 0;
  if (s.length >= w) return s;
  return spec.flags.includes('-') ? s + ' '.repeat(w - s.length) : ' '.repeat(w - s.length) + s;
}

export function* printf({ argv }: ProgramArgs): UserGen {
  const out = new Output();
  if (argv.length === 2 && argv[1] === '--help') {
    yield* out.put(helpText('printf', argv[0]));
    return yield* out.finish(argv[0], 0);
  }
  if (argv.length === 2 && argv[1] === '--version') {
    yield* out.put(versionText('printf'));
    return yield* out.finish(argv[0], 0);
  }
  let args = argv.slice(1);
  if (args[0] === '--') args = args.slice(1);
  if (!args.length) {
    yield* warn(argv[0], 'missing operand');
    yield* tryHelp(argv[0]);
    return 1;
  }
  const [format, ...rest] = args;
  const p = new Printer();
  let remaining = rest;
  try {
    for (;;) {
      const used = p.pass(format, remaining);
      remaining = remaining.slice(used);
      if (!(used > 0 && remaining.length > 0)) break;
    }
  } catch (e) {
    if (e instanceof Stop) remaining = [];
    else if (e instanceof Die) {
      yield* out.put(p.out);
      yield* out.flush();
      for (const w of p.warnings) yield* warn(argv[0], w);
      yield* warn(argv[0], e.message);
      return 1;
    } else throw e;
  }
  yield* out.put(p.out);
  yield* out.flush();
  for (const w of p.warnings) yield* warn(argv[0], w);
  if (remaining.length) yield* warn(argv[0], `warning: ignoring excess arguments, starting with ${quoteC(remaining[0])}`);
  return yield* out.finish(argv[0], p.status);
}
