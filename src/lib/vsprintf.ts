// The subset of the kernel's vsnprintf() that request_module() format strings use: %s %d %i %u
// %x %X %o %c %% with flags (-, 0, space, +), width and precision (including "%.*s").
export function vsprintf(fmt: string, args: readonly (string | number)[]): string {
  let out = '';
  let ai = 0;
  const next = (): string | number => (ai < args.length ? args[ai++] : 0);
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt[i];
    if (c !== '%') {
      out += c;
      continue;
    }
    const m = /^([-0 +#]*)(\*|\d+)?(?:\.(\*|\d+))?(hh|h|ll|l|z)?([sdiuxXoc%])/.exec(fmt.slice(i + 1));
    if (!m) {
      out += c;
      continue;
    }
    i += m[0].length;
    const flags = m[1];
    const width = m[2] === '*' ? Number(next()) : m[2] ? Number(m[2]) : 0;
    const prec = m[3] === '*' ? Number(next()) : m[3] !== undefined ? Number(m[3]) : -1;
    const conv = m[5];
    let s: string;
    switch (conv) {
      case '%': out += '%'; continue;
      case 's': s = String(next()); if (prec >= 0) s = s.slice(0, prec); break;
      case 'c': s = String.fromCharCode(Number(next()) & 0xff); break;
      case 'd': case 'i': {
        const v = Math.trunc(Number(next()));
        s = String(Math.abs(v));
        if (prec >= 0) s = s.padStart(prec, '0');
        s = (v < 0 ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '') + s;
        break;
      }
      default: {
        let v = Math.trunc(Number(next()));
        if (v < 0) v = v >>> 0;
        s = conv === 'u' ? String(v) : conv === 'o' ? v.toString(8) : v.toString(16);
        if (conv === 'X') s = s.toUpperCase();
        if (prec >= 0) s = s.padStart(prec, '0');
        if (flags.includes('#') && v !== 0) s = (conv === 'o' ? '0' : conv === 'x' ? '0x' : conv === 'X' ? '0X' : '') + s;
      }
    }
    if (s.length < width) {
      if (flags.includes('-')) s = s.padEnd(width, ' ');
      else if (flags.includes('0') && conv !== 's' && conv !== 'c' && prec < 0) {
        const sign = /^[-+ ]/.test(s) ? s[0] : '';
        s = sign + s.slice(sign.length).padStart(width - sign.length, '0');
      } else s = s.padStart(width, ' ');
    }
    out += s;
  }
  return out;
}
