// C library number parsing in the C locale, as the GNU tools call it: strtod (decimal, hex
// floats, inf/nan) and strtol (base 0/10, with the end index so callers can reject trailing junk).

export interface Parsed {
  value: number;
  /** Index just after the number; 0 when nothing was parsed (strtod's endptr == nptr). */
  end: number;
  /** The value overflowed (ERANGE). */
  range?: boolean;
}

const WS = /^[ \t\n\v\f\r]*/;

export function strtod(s: string): Parsed {
  const ws = WS.exec(s)![0].length;
  let i = ws;
  let sign = 1;
  if (s[i] === '+' || s[i] === '-') {
    if (s[i] === '-') sign = -1;
    i++;
  }
  const rest = s.slice(i);
  const special = /^(inf(inity)?|nan(\([0-9A-Za-z_]*\))?)/i.exec(rest);
  if (special) {
    const v = special[0][0].toLowerCase() === 'i' ? Infinity : NaN;
    return { value: sign * v, end: i + special[0].length };
  }
  const hex = /^0[xX](([0-9a-fA-F]+)(\.([0-9a-fA-F]*))?|\.([0-9a-fA-F]+))([pP][+-]?\d+)?/.exec(rest);
  if (hex) {
    const intPart = hex[2] ?? '';
    const frac = hex[4] ?? hex[5] ?? '';
    let v = 0;
    for (const c of intPart + frac) v = v * 16 + parseInt(c, 16);
    v /= 16 ** frac.length;
    if (hex[6]) v *= 2 ** Number(hex[6].slice(1));
    return { value: sign * v, end: i + hex[0].length };
  }
  const dec = /^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/.exec(rest);
  if (!dec) return { value: 0, end: 0 };
  const v = Number(dec[0]);
  return { value: sign * v, end: i + dec[0].length, range: !Number.isFinite(v) };
}

/** strtol(s, &end, base) for base 10 or 0 (0x.. hex, 0.. octal). */
export function strtol(s: string, base: 0 | 10 | 8 | 16 = 10): Parsed {
  const ws = WS.exec(s)![0].length;
  let i = ws;
  let sign = 1;
  if (s[i] === '+' || s[i] === '-') {
    if (s[i] === '-') sign = -1;
    i++;
  }
  let b: number = base;
  if ((b === 0 || b === 16) && s[i] === '0' && (s[i + 1] === 'x' || s[i + 1] === 'X') && /[0-9a-fA-F]/.test(s[i + 2] ?? '')) {
    i += 2;
    b = 16;
  } else if (b === 0) b = s[i] === '0' ? 8 : 10;
  const digits = b === 16 ? /^[0-9a-fA-F]+/ : b === 8 ? /^[0-7]+/ : /^\d+/;
  const m = digits.exec(s.slice(i));
  if (!m) return { value: 0, end: 0 };
  let v = 0;
  for (const c of m[0]) v = v * b + parseInt(c, b);
  const range = v > 2 ** 63;
  return { value: sign * v, end: i + m[0].length, range };
}

/** The whole string is one integer (leading blanks allowed, as strtol). null otherwise. */
export function wholeInt(s: string, base: 0 | 10 = 10): number | null {
  const r = strtol(s, base);
  if (r.end === 0 || r.end !== s.length) return null;
  return r.value;
}

const POW: Record<string, number> = { k: 1, m: 2, g: 3, t: 4, p: 5, e: 6, z: 7, y: 8 };

/**
 * xdectoumax() with head/tail's suffixes "bkKmMGTPEZY0": b = 512, K/k = 1024, KB = 1000,
 * KiB = 1024, M = 1024^2 ... A count, or null when invalid, or Infinity when it does not fit
 * in a uintmax_t (xdectoumax() then fails with EOVERFLOW: see SIZE_OVERFLOW).
 */
export function parseSize(s: string): number | null {
  const m = /^[ \t]*\+?(\d+)(b|([kKmMgGtTpPeEzZyY])(iB|B)?)?$/.exec(s);
  if (!m) return null;
  let v = BigInt(m[1]);
  if (m[2] === 'b') v *= 512n;
  else if (m[3]) v *= (m[4] === 'B' ? 1000n : 1024n) ** BigInt(POW[m[3].toLowerCase()]);
  return v > 0xffffffffffffffffn ? Infinity : Number(v);
}

/** What xdectoumax() adds to its message for a count parseSize() finds too large. */
export function sizeOverflow(v: number): string {
  return v === Infinity ? ': Value too large for defined data type' : '';
}
