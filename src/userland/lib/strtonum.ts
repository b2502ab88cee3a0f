// The C library's number readers as printf(1) and the shells' printf use them: strtod() (with
// hex floats and glibc's ERANGE rules) and strtoimax()/strtoumax() with their end index.

const MAXI = (1n << 63n) - 1n;
const MINI = -(1n << 63n);
const MAXU = (1n << 64n) - 1n;

/** strtod() of a text the getDouble pattern accepted: decimal, hex (0x1.8p3), inf, nan. */
export function strtod(text: string): number {
  const hex = /^([+-]?)0x([0-9a-f]*)\.?([0-9a-f]*)(?:p([+-]?\d+))?$/i.exec(text);
  if (!hex) return Number(text.replace(/^([+-]?)inf(inity)?$/i, '$1Infinity').replace(/^([+-]?)nan$/i, 'NaN'));
  const frac = hex[3];
  const mant = Number(BigInt(`0x${hex[2]}${frac}` === '0x' ? '0x0' : `0x${hex[2]}${frac}`));
  let e = Number(hex[4] ?? 0) - 4 * frac.length;
  // Scale in steps so that a tiny or huge exponent does not overflow 2 ** e on the way.
  let v = mant;
  while (e > 0 && Number.isFinite(v) && v !== 0) { const s = Math.min(e, 1000); v *= 2 ** s; e -= s; }
  while (e < 0 && v !== 0) { const s = Math.max(e, -1000); v *= 2 ** s; e -= s; }
  return hex[1] === '-' ? -v : v;
}

/**
 * glibc strtod()'s ERANGE: a finite number too large (inf), or one too small to be held exactly
 * (rounded to zero or to a subnormal; an exact subnormal such as 0x1p-1074 is not an error).
 */
export function strtodRange(text: string, v: number): boolean {
  if (/^[+-]?(inf|nan)/i.test(text)) return false;
  if (!Number.isFinite(v)) return true;
  if (Math.abs(v) >= 2.2250738585072014e-308) return false;
  const hex = /^[+-]?0x([0-9a-f]*)\.?([0-9a-f]*)(?:p([+-]?\d+))?$/i.exec(text);
  if (!hex) return /[1-9]/.test(text.replace(/e.*$/i, ''));
  const digits = BigInt(`0x${hex[1]}${hex[2]}` === '0x' ? '0x0' : `0x${hex[1]}${hex[2]}`);
  if (digits === 0n) return false;
  // value = digits * 2^shift; exact as a subnormal when no bit falls below 2^-1074.
  const shift = Number(hex[3] ?? 0) - 4 * hex[2].length;
  let low = 0;
  for (let d = digits; (d & 1n) === 0n; d >>= 1n) low++;
  return shift + low < -1074;
}

/** strtoimax/strtoumax(s, &end, 0) with the end index. */
export function strtoInt(s: string, signed: boolean): { v: bigint; end: number; erange: boolean } {
  let i = 0;
  while (i < s.length && /[ \t\n\v\f\r]/.test(s[i])) i++;
  let neg = false;
  if (s[i] === '+' || s[i] === '-') { neg = s[i] === '-'; i++; }
  let base = 10;
  if (s[i] === '0' && (s[i + 1] === 'x' || s[i + 1] === 'X') && /[0-9a-fA-F]/.test(s[i + 2] ?? '')) { base = 16; i += 2; }
  else if (s[i] === '0') base = 8;
  const st = i;
  let v = 0n;
  const B = BigInt(base);
  for (; i < s.length; i++) {
    const d = parseInt(s[i], 36);
    if (Number.isNaN(d) || d >= base) break;
    v = v * B + BigInt(d);
  }
  if (i === st) return { v: 0n, end: 0, erange: false };
  let erange = false;
  if (signed) {
    if (neg) v = -v;
    if (v > MAXI) { v = MAXI; erange = true; }
    if (v < MINI) { v = MINI; erange = true; }
  } else {
    if (v > MAXU) { v = MAXU; erange = true; }
    if (neg) v = BigInt.asUintN(64, -v);
  }
  return { v, end: i, erange };
}
