// The numbers of dd's closing line: gnulib human_readable() sizes ("4.1 kB", "300 MiB": one
// decimal under 10, rounded to nearest) and C's "%g" for the seconds.

const PREFIX = ['', 'k', 'M', 'G', 'T', 'P', 'E', 'Z', 'Y'];

/**
 * `n` bytes scaled by `base` with SI or IEC ('i') prefixes. A rate (dd's B/s) starts at kilo and
 * keeps one decimal under 100, as dd prints it.
 */
export function humanSize(n: number, base: number, i: string, rate = false): string {
  let v = n, e = 0;
  if (rate) {
    v /= base;
    e = 1;
  }
  while (v >= base && e < PREFIX.length - 1) {
    v /= base;
    e++;
  }
  const limit = rate ? 100 : 10;
  let s = v < limit ? v.toFixed(1) : String(Math.round(v));
  if (!rate && s === '10.0') s = '10';
  const p = PREFIX[e];
  const unit = e === 0 ? 'B' : base === 1024 ? `${p === 'k' ? 'K' : p}${i}B` : `${p}B`;
  return `${s} ${unit}`;
}

/** printf("%g", x): six significant digits, trailing zeros dropped, C's exponent form. */
export function formatG(x: number): string {
  if (x === 0) return '0';
  const exp = Math.floor(Math.log10(Math.abs(x)));
  if (exp < -4 || exp >= 6) {
    const [m, e] = x.toExponential(5).split('e');
    const mant = m.includes('.') ? m.replace(/0+$/, '').replace(/\.$/, '') : m;
    const ev = Number(e);
    return `${mant}e${ev < 0 ? '-' : '+'}${String(Math.abs(ev)).padStart(2, '0')}`;
  }
  const s = x.toPrecision(6);
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}
