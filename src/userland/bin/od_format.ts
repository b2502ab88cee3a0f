// od's output types (coreutils 9.1 od.c decode_one_format and the print_* functions) on an
// x86-64 glibc machine: char/short/int/long are 1/2/4/8 bytes, float/double/long double 4/8/16
// (the last an x87 80-bit extended in 16 bytes), little-endian unless --endian=big swaps.
import { floatToString } from './od_float.ts';
import { quoteC } from './quote.ts';

export const U64_MAX = 0xffffffffffffffffn;

export type Fmt = 'd' | 'o' | 'u' | 'x' | 'f' | 'a' | 'c';

export interface Spec {
  fmt: Fmt;
  /** Bytes per datum. */
  size: number;
  /** Minimum width of a field, excluding its leading space (od.c field_width). */
  width: number;
  /** Padding spread over a line's fields so every type lines up (od.c pad_width). */
  pad: number;
  /** The 'z' suffix: printable characters after the line. */
  z: boolean;
}

// od.c's bytes_to_{oct,signed_dec,unsigned_dec,hex}_digits, indexed by size in bytes.
const DIGITS: Record<'o' | 'd' | 'u' | 'x', readonly number[]> = {
  o: [0, 3, 6, 8, 11, 14, 16, 19, 22],
  d: [1, 4, 6, 8, 11, 13, 16, 18, 20],
  u: [0, 3, 5, 8, 10, 13, 15, 17, 20],
  x: [0, 2, 4, 6, 8, 10, 12, 14, 16],
};
const INT_SIZES: Record<string, number> = { C: 1, S: 2, I: 4, L: 8 };
const FLOAT_SIZES: Record<string, number> = { F: 4, D: 8, L: 16 };
/** FLT/DBL/LDBL_STRLEN_BOUND_L(1) of gnulib's ftoastr.h. */
const FLOAT_WIDTH: Record<number, number> = { 4: 15, 8: 24, 16: 29 };

/**
 * decode_format_string(): the specs of one -t argument, or the diagnostic of the first bad
 * one (GNU keeps the specs before it, but exits before using them).
 */
export function decodeFormat(arg: string): { specs: Spec[]; error?: string } {
  const specs: Spec[] = [];
  let i = 0;
  while (i < arg.length) {
    const c = arg[i++];
    let fmt: Fmt;
    let size: number;
    if (c === 'd' || c === 'o' || c === 'u' || c === 'x' || c === 'f') {
      fmt = c;
      const named = c === 'f' ? FLOAT_SIZES[arg[i]] : INT_SIZES[arg[i]];
      if (named !== undefined) {
        size = named;
        i++;
      } else {
        const digits = /^\d*/.exec(arg.slice(i))![0];
        if (digits === '') size = c === 'f' ? 8 : 4;
        else {
          // simple_strtoul(): a size that overflows unsigned long gets the short message.
          const n = BigInt(digits);
          if (n > 0xffffffffffffffffn) return { specs, error: `invalid type string ${quoteC(arg)}` };
          size = Number(n);
          const ok = c === 'f' ? size in FLOAT_WIDTH : size === 1 || size === 2 || size === 4 || size === 8;
          if (!ok) {
            return {
              specs,
              error: `invalid type string ${quoteC(arg)};\nthis system doesn't provide a ${n}-byte ${c === 'f' ? 'floating point' : 'integral'} type`,
            };
          }
          i += digits.length;
        }
      }
    } else if (c === 'a' || c === 'c') {
      fmt = c;
      size = 1;
    } else {
      return { specs, error: `invalid character '${c}' in type string ${quoteC(arg)}` };
    }
    const width = fmt === 'a' || fmt === 'c' ? 3 : fmt === 'f' ? FLOAT_WIDTH[size] : DIGITS[fmt][size];
    const z = arg[i] === 'z';
    if (z) i++;
    specs.push({ fmt, size, width, pad: 0, z });
  }
  return { specs };
}

/** charname[] of od.c: the names -t a gives to control characters and space. */
const CHARNAME = ['nul', 'soh', 'stx', 'etx', 'eot', 'enq', 'ack', 'bel', 'bs', 'ht', 'nl', 'vt', 'ff', 'cr', 'so', 'si',
  'dle', 'dc1', 'dc2', 'dc3', 'dc4', 'nak', 'syn', 'etb', 'can', 'em', 'sub', 'esc', 'fs', 'gs', 'rs', 'us', 'sp'];
/** print_ascii()'s backslash escapes. */
const C_ESCAPES: Record<number, string> = { 0: '\\0', 7: '\\a', 8: '\\b', 12: '\\f', 10: '\\n', 13: '\\r', 9: '\\t', 11: '\\v' };

/** isprint() in the C locale. */
export const isprint = (b: number): boolean => b >= 0x20 && b < 0x7f;

/** The unsigned integer of `size` bytes at `at` (little-endian, or big-endian when `swap`). */
function unsignedAt(block: string, at: number, size: number, swap: boolean): bigint | number {
  if (size === 8) {
    let v = 0n;
    for (let k = 0; k < 8; k++) v = (v << 8n) | BigInt(block.charCodeAt(at + (swap ? k : 7 - k)));
    return v;
  }
  let v = 0;
  for (let k = 0; k < size; k++) v = v * 256 + block.charCodeAt(at + (swap ? k : size - 1 - k));
  return v;
}

/** One datum as od prints it, before padding to its field width. */
export function formatDatum(s: Spec, block: string, at: number, swap: boolean): string {
  if (s.fmt === 'a') {
    const c = block.charCodeAt(at) & 0x7f;
    return c === 127 ? 'del' : c <= 32 ? CHARNAME[c] : String.fromCharCode(c);
  }
  if (s.fmt === 'c') {
    const c = block.charCodeAt(at);
    return C_ESCAPES[c] ?? (isprint(c) ? block[at] : c.toString(8).padStart(3, '0'));
  }
  if (s.fmt === 'f') {
    let bytes = block.slice(at, at + s.size);
    if (swap) bytes = [...bytes].reverse().join('');
    return floatToString(bytes);
  }
  let v = unsignedAt(block, at, s.size, swap);
  if (s.fmt === 'd') {
    const bits = s.size * 8;
    if (typeof v === 'bigint') v = BigInt.asIntN(64, v);
    else if (v >= 2 ** (bits - 1)) v -= 2 ** bits;
    return v.toString();
  }
  if (s.fmt === 'u') return v.toString();
  // "%*.No" / "%*.Nx": the precision zero-pads to the type's full digit count.
  return v.toString(s.fmt === 'o' ? 8 : 16).padStart(s.width, '0');
}

/** bytes_per_block for -w (null: not given) and each spec's pad_width; a warning when -w does not fit. */
export function layout(specs: Spec[], width: bigint | null): { bpb: number; warning?: string } {
  const gcd = (a: number, b: number): number => (b ? gcd(b, a % b) : a);
  const lcm = specs.reduce((l, s) => (l * s.size) / gcd(l, s.size), 1);
  let bpb = lcm < 16 ? lcm * Math.floor(16 / lcm) : lcm;
  let warning: string | undefined;
  if (width !== null) {
    if (width !== 0n && width % BigInt(lcm) === 0n) bpb = Number(width);
    else [bpb, warning] = [lcm, `warning: invalid width ${width}; using ${lcm} instead`];
  }
  const perBlock = Math.max(...specs.map((s) => (s.width + 1) * (bpb / s.size)));
  for (const s of specs) s.pad = perBlock - s.width * (bpb / s.size);
  return { bpb, warning };
}

/** write_block()'s lines for one block of n <= bpb bytes: the offset, then one line per spec. */
export function formatBlock(specs: Spec[], block: string, bpb: number, addr: Addresser, offset: number, swap: boolean): string {
  const n = block.length;
  // The last block is read as if zero-padded (GNU pads to a multiple of every size, <= 16).
  const full = n < bpb ? block + '\0'.repeat(Math.min(bpb - n, 16)) : block;
  let text = '';
  specs.forEach((s, i) => {
    const fields = bpb / s.size;
    const blank = Math.floor((bpb - n) / s.size);
    text += i === 0 ? addr.format(offset, '') : ' '.repeat(addr.padLen);
    // PRINT_FIELDS: the pad is spread over the fields so that every type's columns line up.
    let padLeft = s.pad;
    for (let f = fields, at = 0; f > blank; f--, at += s.size) {
      const nextPad = Math.floor((s.pad * (f - 1)) / fields);
      text += formatDatum(s, full, at, swap).padStart(padLeft - nextPad + s.width);
      padLeft = nextPad;
    }
    if (s.z) {
      text += `${' '.repeat(blank * s.width + Math.floor((s.pad * blank) / fields))}  >`;
      for (let k = 0; k < n; k++) text += isprint(block.charCodeAt(k)) ? block[k] : '.';
      text += '<';
    }
    text += '\n';
  });
  return text;
}

/** The suffixes -j, -N and -S accept (od.c's multipliers). */
export const MULTIPLIERS = 'bEGKkMmPTYZ0';
const POWERS: Record<string, number> = { k: 1, K: 1, M: 2, m: 2, G: 3, g: 3, T: 4, t: 4, P: 5, E: 6, Z: 7, Y: 8 };

export type StrtolErr = 'ok' | 'invalid' | 'suffix' | 'overflow';

/** gnulib xstrtoumax(): strtoumax in `base`, then one of `suffixes` (with "iB"/"B" after a power when '0' is listed). */
export function xstrtoumax(s: string, base: number, suffixes: string): { err: StrtolErr; value: bigint } {
  let i = /^[ \t\n\v\f\r]*/.exec(s)![0].length;
  if (s[i] === '-') return { err: 'invalid', value: 0n };
  if (s[i] === '+') i++;
  let b = base;
  if ((b === 0 || b === 16) && s[i] === '0' && /[xX]/.test(s[i + 1] ?? '') && /[0-9a-fA-F]/.test(s[i + 2] ?? '')) {
    i += 2;
    b = 16;
  } else if (b === 0) b = s[i] === '0' ? 8 : 10;
  const digits = (b === 16 ? /^[0-9a-fA-F]*/ : b === 8 ? /^[0-7]*/ : /^[0-9]*/).exec(s.slice(i))![0];
  let value = 0n;
  let overflow = false;
  if (digits === '') {
    // No number: strtoumax's end is the very start, so only a bare suffix ("k") means 1 of it.
    if (!s[0] || !suffixes.includes(s[0])) return { err: 'invalid', value: 0n };
    [value, i] = [1n, 0];
  } else {
    for (const c of digits) value = value * BigInt(b) + BigInt(parseInt(c, b));
    i += digits.length;
    if (value > U64_MAX) [value, overflow] = [U64_MAX, true];
  }
  if (i < s.length) {
    const c = s[i];
    if (!suffixes.includes(c) || !(c === 'b' || c === 'B' || c in POWERS)) return { err: 'suffix', value };
    let radix = 1024n;
    let len = 1;
    if (c in POWERS && suffixes.includes('0')) {
      if (s[i + 1] === 'i' && s[i + 2] === 'B') len = 3;
      else if (s[i + 1] === 'B' || s[i + 1] === 'D') [radix, len] = [1000n, 2];
    }
    value *= c === 'b' ? 512n : c === 'B' ? 1024n : radix ** BigInt(POWERS[c]);
    if (value > U64_MAX) [value, overflow] = [U64_MAX, true];
    if (i + len < s.length) return { err: 'suffix', value };
  }
  return { err: overflow ? 'overflow' : 'ok', value };
}

/** parse_old_offset(): "[+]OFFSET[.][b]", octal unless it has a '.' (decimal) or a 0x prefix. */
export function parseOldOffset(s: string): bigint | null {
  if (s === '') return null;
  const t = s[0] === '+' ? s.slice(1) : s;
  const radix = t.includes('.') ? 10 : /^0[xX]/.test(t) ? 16 : 8;
  const r = xstrtoumax(t, radix, 'Bb');
  return r.err === 'ok' ? r.value : null;
}

/** format_address_std, _none, _paren (a LABEL with -An) and _label (offset and LABEL). */
export class Addresser {
  constructor(private readonly radix: 8 | 10 | 16 | 0, readonly padLen: number, private readonly pseudo: bigint | null) {}
  private std(a: number | bigint): string {
    // Offsets are uintmax_t: -S with -N can print one "before" 0, which wraps.
    return (a < 0 ? BigInt.asUintN(64, BigInt(a)) : a).toString(this.radix || 8).padStart(this.padLen, '0');
  }
  format(a: number, c: string): string {
    if (this.pseudo === null) return this.radix ? this.std(a) + c : '';
    // format_address_paren() shows the offset itself: only _label adds the LABEL's difference.
    if (!this.radix) return `(${this.std(a)})${c}`;
    return `${this.std(a)} (${this.std(BigInt.asUintN(64, BigInt(a) + this.pseudo))})${c}`;
  }
}

