// Number formatting as glibc's printf does it, exactly: %d %i %o %x %X %u %c %s %e %E %f %F
// %g %G with flags, width and precision. Doubles are expanded to their exact decimal value
// (BigInt) so rounding is glibc's round-half-even on the true binary value.

/** A positive finite binary value held exactly: m x 2^e (printf(1)'s long doubles, ldouble.ts). */
export interface Exact { m: bigint; e: number }

const isZero = (x: number | Exact): boolean => (typeof x === 'number' ? x === 0 : x.m === 0n);

/** The exact decimal digits of a positive finite value: value = 0.DIGITS x 10^point. */
function exactDigits(x: number | Exact): { digits: string; point: number } {
  if (typeof x !== 'number') return binaryDigits(x.m, x.e);
  const dv = new DataView(new ArrayBuffer(8));
  dv.setFloat64(0, x);
  const hi = dv.getUint32(0);
  const lo = dv.getUint32(4);
  const expBits = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e: number;
  if (expBits === 0) e = -1074;
  else {
    mant |= 1n << 52n;
    e = expBits - 1075;
  }
  return binaryDigits(mant, e);
}

function binaryDigits(mant: bigint, e: number): { digits: string; point: number } {
  if (mant === 0n) return { digits: '0', point: 1 };
  let digits: string;
  let point: number;
  if (e >= 0) {
    digits = (mant << BigInt(e)).toString();
    point = digits.length;
  } else {
    digits = (mant * 5n ** BigInt(-e)).toString();
    point = digits.length + e;
  }
  digits = digits.replace(/0+$/, '') || '0';
  return { digits, point };
}

/** Round the digit string to `keep` digits, half to even; returns digits (maybe one longer). */
function roundDigits(digits: string, keep: number): { digits: string; carry: boolean } {
  if (keep < 0) return { digits: '', carry: false };
  if (digits.length <= keep) return { digits: digits.padEnd(keep, '0'), carry: false };
  const head = digits.slice(0, keep);
  const rest = digits.slice(keep);
  let up: boolean;
  if (rest[0] > '5') up = true;
  else if (rest[0] < '5') up = false;
  else if (/[1-9]/.test(rest.slice(1))) up = true;
  else up = keep > 0 ? Number(head[keep - 1]) % 2 === 1 : false; // exact tie: to even
  if (!up) return { digits: head, carry: false };
  const n = (BigInt(head || '0') + 1n).toString().padStart(keep, '0');
  return n.length > keep ? { digits: n, carry: true } : { digits: n, carry: false };
}

/** %.<prec>f of |x| (x finite, >= 0). */
export function fixed(x: number | Exact, prec: number): string {
  if (isZero(x)) return prec > 0 ? '0.' + '0'.repeat(prec) : '0';
  const { digits, point } = exactDigits(x);
  // Align so that the integer part is digits[0..point).
  let all = point >= 0 ? digits : '0'.repeat(-point) + digits;
  let ip = Math.max(point, 0);
  const r = roundDigits(all, ip + prec);
  all = r.digits;
  if (r.carry) ip++;
  const intPart = all.slice(0, ip) || '0';
  const frac = all.slice(ip, ip + prec);
  return prec > 0 ? `${intPart.replace(/^0+(?=\d)/, '')}.${frac}` : intPart.replace(/^0+(?=\d)/, '');
}

/** %.<prec>e of |x|: mantissa digits and decimal exponent. */
export function expo(x: number | Exact, prec: number, upper = false): string {
  let mant: string;
  let exp: number;
  if (isZero(x)) {
    mant = '0'.repeat(prec + 1);
    exp = 0;
  } else {
    const { digits, point } = exactDigits(x);
    const r = roundDigits(digits, prec + 1);
    mant = r.digits.slice(0, prec + 1);
    exp = point - 1 + (r.carry ? 1 : 0);
  }
  const m = prec > 0 ? `${mant[0]}.${mant.slice(1)}` : mant[0];
  const es = `${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  return `${m}${upper ? 'E' : 'e'}${es}`;
}

/** %.<prec>g of |x|; `alt` is the # flag (keep trailing zeros). */
export function general(x: number | Exact, prec: number, alt: boolean, upper = false): string {
  const p = prec === 0 ? 1 : prec;
  let exp = 0;
  if (!isZero(x)) {
    const { digits, point } = exactDigits(x);
    exp = point - 1 + (roundDigits(digits, p).carry ? 1 : 0);
  }
  let s = exp < -4 || exp >= p ? expo(x, p - 1, upper) : fixed(x, p - 1 - exp);
  if (!alt) {
    s = s.replace(/(\.\d*?)0+(?=$|[eE])/, '$1').replace(/\.(?=$|[eE])/, '');
  } else if (!s.includes('.')) {
    s = s.replace(/^(\d+)/, '$1.');
  }
  return s;
}

export interface Spec {
  flags: string;
  width: number;
  prec: number | null;
  conv: string;
}

function pad(body: string, sign: string, spec: Spec, numeric: boolean): string {
  const left = spec.flags.includes('-');
  const zero = numeric && spec.flags.includes('0') && !left;
  const len = sign.length + body.length;
  if (len >= spec.width) return sign + body;
  if (zero) return sign + '0'.repeat(spec.width - len) + body;
  return left ? sign + body + ' '.repeat(spec.width - len) : ' '.repeat(spec.width - len) + sign + body;
}

function signOf(neg: boolean, flags: string): string {
  return neg ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '';
}

/** A float conversion (e E f F g G) of x, including inf and nan as glibc prints them. */
export function formatFloat(x: number, spec: Spec): string {
  const prec = spec.prec ?? 6;
  const neg = x < 0 || Object.is(x, -0) || Number.isNaN(x);
  const upper = spec.conv === 'E' || spec.conv === 'G' || spec.conv === 'F';
  if (!Number.isFinite(x)) {
    const word = Number.isNaN(x) ? 'nan' : 'inf';
    return pad(upper ? word.toUpperCase() : word, signOf(neg, spec.flags), { ...spec, flags: spec.flags.replace('0', '') }, false);
  }
  const a = Math.abs(x);
  let body: string;
  switch (spec.conv) {
    case 'e': case 'E': body = expo(a, prec, upper); break;
    case 'g': case 'G': body = general(a, prec, spec.flags.includes('#'), upper); break;
    default: body = fixed(a, prec);
  }
  if (spec.flags.includes('#') && prec === 0 && !body.includes('.') && spec.conv !== 'g' && spec.conv !== 'G') {
    body = body.replace(/^(\d+)/, '$1.');
  }
  return pad(body, signOf(neg, spec.flags), spec, true);
}

/** An integer conversion (d i o x X u) of an already clamped integer value. */
export function formatInt(n: number, spec: Spec): string {
  const neg = n < 0;
  const a = Math.abs(n);
  let body: string;
  switch (spec.conv) {
    case 'o': body = a.toString(8); if (spec.flags.includes('#') && body[0] !== '0') body = '0' + body; break;
    case 'x': body = a.toString(16); break;
    case 'X': body = a.toString(16).toUpperCase(); break;
    default: body = String(a);
  }
  if (spec.prec !== null) {
    if (spec.prec === 0 && a === 0) body = '';
    body = body.padStart(spec.prec, '0');
  }
  let prefix = '';
  if (spec.flags.includes('#') && a !== 0 && (spec.conv === 'x' || spec.conv === 'X')) prefix = spec.conv === 'x' ? '0x' : '0X';
  const signed = spec.conv === 'd' || spec.conv === 'i';
  const sp = spec.prec !== null ? { ...spec, flags: spec.flags.replace('0', '') } : spec;
  return pad(body, (signed ? signOf(neg, spec.flags) : '') + prefix, sp, true);
}

/** %s and %c bodies. */
export function formatStr(s: string, spec: Spec): string {
  const body = spec.prec !== null && spec.conv === 's' ? s.slice(0, spec.prec) : s;
  return pad(body, '', { ...spec, flags: spec.flags.replace('0', '') }, false);
}
