// od -t f: gnulib's ftoastr family as od.c calls it, on x86-64 glibc's float, double and x87
// 80-bit long double (stored in 16 bytes): the shortest %g that reads back as the same value,
// done on exact integers (BigInt) so every machine prints the same digits.

interface FloatKind { precBits: number; minLsb: number; dig: number; bound: number }
// P bits of significand, the lsb exponent of subnormals, FLT/DBL/LDBL_DIG, _GL_*_PREC_BOUND.
const FLOAT_KINDS: Record<number, FloatKind> = {
  4: { precBits: 24, minLsb: -149, dig: 6, bound: 9 },
  8: { precBits: 53, minLsb: -1074, dig: 15, bound: 17 },
  16: { precBits: 64, minLsb: -16445, dig: 18, bound: 21 },
};

const bitLength = (n: bigint): number => (n === 0n ? 0 : n.toString(2).length);

/** n / d rounded to the nearest integer, ties to even (glibc's printf and strtod). */
function divRound(n: bigint, d: bigint): bigint {
  const q = n / d;
  const r2 = (n % d) * 2n;
  return r2 > d || (r2 === d && (q & 1n) === 1n) ? q + 1n : q;
}

/** m * 2^e as the fraction n/d. */
const fraction = (m: bigint, e: number): [bigint, bigint] => (e >= 0 ? [m << BigInt(e), 1n] : [m, 1n << BigInt(-e)]);

/**
 * The decimal digits of m*2^e rounded to `p` significant digits: [digits, exponent of the
 * first digit]. Exact, as glibc's printf_fp is.
 */
function toDigits(m: bigint, e: number, p: number): [bigint, number] {
  const [n, d] = fraction(m, e);
  let k = Math.floor((bitLength(m) - 1 + e) * Math.log10(2));
  for (;;) {
    const s = k - p + 1;
    const q = s >= 0 ? divRound(n, d * 10n ** BigInt(s)) : divRound(n * 10n ** BigInt(-s), d);
    if (q >= 10n ** BigInt(p)) k++;
    else if (q < 10n ** BigInt(p - 1)) k--;
    else return [q, k];
  }
}

/** strtof/strtod/strtold of digits*10^exp: the nearest m*2^e of the kind, ties to even. */
function fromDecimal(digits: bigint, exp: number, kind: FloatKind): [bigint, number] {
  const n = exp >= 0 ? digits * 10n ** BigInt(exp) : digits;
  const d = exp >= 0 ? 1n : 10n ** BigInt(-exp);
  let e = Math.max(kind.minLsb, bitLength(n) - bitLength(d) - kind.precBits);
  const scaled = (x: number): bigint => (x >= 0 ? divRound(n, d << BigInt(x)) : divRound(n << BigInt(-x), d));
  let q = scaled(e);
  while (q >= 1n << BigInt(kind.precBits)) q = scaled(++e);
  while (e > kind.minLsb && q < 1n << BigInt(kind.precBits - 1)) q = scaled(--e);
  return [q, e];
}

const sameValue = (a: [bigint, number], b: [bigint, number]): boolean => {
  const lo = Math.min(a[1], b[1]);
  return a[0] << BigInt(a[1] - lo) === b[0] << BigInt(b[1] - lo);
};

/** printf's %.*g of digits (p of them, the first at decimal exponent k). */
function gFormat(digits: bigint, k: number, p: number): string {
  const ds = digits.toString();
  const trim = (s: string): string => (s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s);
  if (k < -4 || k >= p) {
    const mant = trim(ds.length > 1 ? `${ds[0]}.${ds.slice(1)}` : ds);
    return `${mant}e${k < 0 ? '-' : '+'}${String(Math.abs(k)).padStart(2, '0')}`;
  }
  if (k < 0) return trim(`0.${'0'.repeat(-k - 1)}${ds}`);
  return trim(k + 1 < ds.length ? `${ds.slice(0, k + 1)}.${ds.slice(k + 1)}` : ds);
}

/** A float's bytes (little-endian) as sign, significand m and exponent e (value m*2^e), or a special. */
function decodeFloat(b: string): { neg: boolean; m: bigint; e: number; exact: boolean } | string {
  let bits = 0n;
  for (let i = Math.min(b.length, 10) - 1; i >= 0; i--) bits = (bits << 8n) | BigInt(b.charCodeAt(i));
  const [fracBits, expBits] = b.length === 4 ? [23, 8] : b.length === 8 ? [52, 11] : [64, 15];
  const neg = ((bits >> BigInt(fracBits + expBits)) & 1n) === 1n;
  const exp = Number((bits >> BigInt(fracBits)) & ((1n << BigInt(expBits)) - 1n));
  const frac = bits & ((1n << BigInt(fracBits)) - 1n);
  const bias = (1 << (expBits - 1)) - 1;
  const x87 = b.length === 16;
  const sign = neg ? '-' : '';
  // x87's integer bit is explicit. glibc 2.36 prints the non-canonical encodings (pseudo-NaN,
  // pseudo-infinity, unnormal: integer bit clear, exponent not zero) as NaN, and looks only at the
  // 63 fraction bits to tell infinity from NaN.
  if (x87 && exp !== 0 && frac >> 63n === 0n) return `${sign}nan`;
  if (exp === (1 << expBits) - 1) return (x87 ? frac & ((1n << 63n) - 1n) : frac) === 0n ? `${sign}inf` : `${sign}nan`;
  const m = x87 || exp === 0 ? frac : frac | (1n << BigInt(fracBits));
  const e = Math.max(exp, 1) - bias - (x87 ? 63 : fracBits);
  // A pseudo-denormal (x87, exponent 0, integer bit set): glibc's printf drops the integer bit
  // unless nothing else is left, while the FPU compares the whole significand, so the digits
  // never read back the same and ldtoastr prints all 21 of them (measured on glibc 2.36).
  if (x87 && exp === 0 && frac >> 63n === 1n && frac !== 1n << 63n) return { neg, m: frac - (1n << 63n), e, exact: false };
  return { neg, m, e, exact: true };
}

/** gnulib's ftoastr/dtoastr/ldtoastr: the shortest "%.*g" (from *_DIG digits) that reads back the same. */
export function floatToString(bytes: string): string {
  const kind = FLOAT_KINDS[bytes.length];
  const v = decodeFloat(bytes);
  if (typeof v === 'string') return v;
  const sign = v.neg ? '-' : '';
  if (v.m === 0n) return `${sign}0`;
  // Below FLT_MIN (subnormals, by value: an x87 pseudo-denormal is not) the search starts at 1 digit.
  const subnormal = bitLength(v.m) - 1 + v.e < kind.minLsb + kind.precBits - 1;
  for (let p = subnormal ? 1 : kind.dig; ; p++) {
    const [digits, k] = toDigits(v.m, v.e, p);
    if (p >= kind.bound || (v.exact && sameValue(fromDecimal(digits, k - p + 1, kind), [v.m, v.e]))) return sign + gFormat(digits, k, p);
  }
}
