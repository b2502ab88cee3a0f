// The x86-64 long double (80-bit extended: a 64-bit mantissa with its integer bit, exponents
// 2^-16382..2^16383, subnormals down to 2^-16445) that GNU printf(1) and bash's printf read their
// floating-point arguments into with strtold() and print with %Lf %Le %Lg %La. Kept exact as
// mantissa x 2^exponent in BigInt; only the parsing (correctly rounded, half to even, as glibc's
// strtold) and %La live here: awk_format.ts expands the exact value to decimal for %f %e %g.

/** value = (neg ? -1 : 1) * m * 2^e, with m < 2^64; m is 0 for a zero. */
export interface LDouble {
  kind: 'num' | 'inf' | 'nan';
  neg: boolean;
  m: bigint;
  e: number;
}

const MANT_BITS = 64;
/** The exponent of a subnormal's mantissa unit, and the largest e of a finite value. */
const E_MIN = -16445;
const E_MAX = 16383 - 63;
const TWO64 = 1n << 64n;

const bitLength = (n: bigint): number => (n === 0n ? 0 : n.toString(2).length);

/**
 * num/den (> 0) rounded half to even to a long double; `erange` as glibc sets it: an overflow,
 * or a result too small to be normal that is not exact.
 */
function fromRational(num: bigint, den: bigint, neg: boolean): { v: LDouble; erange: boolean } {
  let e = bitLength(num) - bitLength(den) - MANT_BITS;
  const quot = (ex: number): [bigint, bigint] => {
    const n = ex < 0 ? num << BigInt(-ex) : num;
    const d = ex > 0 ? den << BigInt(ex) : den;
    return [n / d, n % d * 2n - d];
  };
  let [q, half] = quot(e);
  if (q >= TWO64) [q, half] = quot(++e);
  let tiny = false;
  if (e < E_MIN) {
    e = E_MIN;
    [q, half] = quot(e);
    tiny = true;
  }
  // half: sign of (remainder - den/2), doubled; 0 is an exact tie.
  if (half > 0n || (half === 0n && (q & 1n) === 1n)) q++;
  if (q === TWO64) {
    q >>= 1n;
    e++;
  }
  const exact = isExact(num, den, e, q);
  if (e > E_MAX) return { v: { kind: 'inf', neg, m: 0n, e: 0 }, erange: true };
  const subnormal = tiny || q < 1n << 63n;
  return { v: { kind: 'num', neg, m: q, e }, erange: subnormal && !exact };
}

function isExact(num: bigint, den: bigint, e: number, q: bigint): boolean {
  // q * 2^e == num / den  <=>  q * 2^e * den == num
  return e >= 0 ? (q << BigInt(e)) * den === num : q * den === num << BigInt(-e);
}

const POW10_LIMIT = 5100;

/**
 * strtold() of a number's text as printf matched it (sign, decimal or hex digits, exponent,
 * inf, infinity, nan; leading blanks allowed).
 */
export function strtold(text: string): { v: LDouble; erange: boolean } {
  const t = text.trim();
  const neg = t[0] === '-';
  const body = t.replace(/^[+-]/, '');
  if (/^inf/i.test(body)) return { v: { kind: 'inf', neg, m: 0n, e: 0 }, erange: false };
  if (/^nan/i.test(body)) return { v: { kind: 'nan', neg, m: 0n, e: 0 }, erange: false };
  let digits: bigint;
  let num: bigint;
  let den = 1n;
  const hex = /^0x([0-9a-f]*)\.?([0-9a-f]*)(?:p([+-]?\d+))?$/i.exec(body);
  if (hex) {
    digits = BigInt(`0x${hex[1]}${hex[2]}` === '0x' ? '0x0' : `0x${hex[1]}${hex[2]}`);
    if (digits === 0n) return { v: { kind: 'num', neg, m: 0n, e: 0 }, erange: false };
    const p = Number(hex[3] ?? 0) - 4 * hex[2].length;
    const top = bitLength(digits) + p;
    if (top > 16384 + 1) return { v: { kind: 'inf', neg, m: 0n, e: 0 }, erange: true };
    if (top < E_MIN - 2) return { v: { kind: 'num', neg, m: 0n, e: 0 }, erange: true };
    num = p >= 0 ? digits << BigInt(p) : digits;
    if (p < 0) den = 1n << BigInt(-p);
  } else {
    const m = /^(\d*)\.?(\d*)(?:e([+-]?\d+))?$/i.exec(body);
    if (!m) return { v: { kind: 'nan', neg, m: 0n, e: 0 }, erange: false };
    digits = BigInt(`${m[1]}${m[2]}` || '0');
    if (digits === 0n) return { v: { kind: 'num', neg, m: 0n, e: 0 }, erange: false };
    const k = Number(m[3] ?? 0) - m[2].length;
    const mag = digits.toString().length + k;
    // Beyond the range whatever the digits: no need to build the power of ten.
    if (mag > 4934) return { v: { kind: 'inf', neg, m: 0n, e: 0 }, erange: true };
    if (mag < -4952) return { v: { kind: 'num', neg, m: 0n, e: 0 }, erange: true };
    if (Math.abs(k) > POW10_LIMIT + 100) return { v: { kind: 'num', neg, m: 0n, e: 0 }, erange: true };
    num = k >= 0 ? digits * 10n ** BigInt(k) : digits;
    if (k < 0) den = 10n ** BigInt(-k);
  }
  return fromRational(num, den, neg);
}

/**
 * glibc's %La: the mantissa's top four bits before the point (8-f when normal, 0-7 when
 * subnormal), the other 60 bits after it, rounded half to even to the precision; a carry out of
 * the leading digit renormalises to "0x1" with the exponent up by 4.
 */
export function hexFloatLD(m: bigint, e: number, prec: number | null, alt: boolean): string {
  if (m === 0n) return `0x0${prec || alt ? '.' : ''}${'0'.repeat(prec ?? 0)}p+0`;
  let lead = m >> 60n;
  const frac = m & ((1n << 60n) - 1n);
  let exp = e + 60;
  let digits: string;
  if (prec === null) digits = frac.toString(16).padStart(15, '0').replace(/0+$/, '');
  else if (prec >= 15) digits = frac.toString(16).padStart(15, '0').padEnd(prec, '0');
  else {
    const drop = BigInt((15 - prec) * 4);
    let q = frac >> drop;
    const r = frac & ((1n << drop) - 1n);
    const half = 1n << (drop - 1n);
    if (r > half || (r === half && ((prec === 0 ? lead : q) & 1n) === 1n)) q++;
    if (q >> BigInt(prec * 4)) {
      lead++;
      q &= (1n << BigInt(prec * 4)) - 1n;
    }
    if (lead === 16n) {
      lead = 1n;
      exp += 4;
    }
    digits = prec ? q.toString(16).padStart(prec, '0') : '';
  }
  return `0x${lead.toString(16)}${digits || alt ? '.' : ''}${digits}p${exp >= 0 ? '+' : ''}${exp}`;
}
