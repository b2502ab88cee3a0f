// bash's ANSI-C escapes (strtrans.c ansicstr() and ansic_quote()), for $'...', ${x@E} and ${x@Q}.
import { ansicQuote, hasNonPrinting } from '../lib/shquote.ts';

const SIMPLE: Record<string, string> = {
  a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', "'": "'", '"': '"', '?': '?',
};

/** Decode one escape after its backslash; getc returns '' at the end. */
export function ansiEscape(getc: () => string, ungetc: () => void): string {
  const c = getc();
  if (c === '') return '\\';
  if (c in SIMPLE) return SIMPLE[c];
  if (c >= '0' && c <= '7') {
    let v = c.charCodeAt(0) - 48;
    for (let i = 0; i < 2; i++) {
      const d = getc();
      if (d >= '0' && d <= '7') v = v * 8 + d.charCodeAt(0) - 48;
      else { if (d !== '') ungetc(); break; }
    }
    return String.fromCharCode(v & 0xff);
  }
  if (c === 'x' || c === 'u' || c === 'U') {
    const max = c === 'x' ? 2 : c === 'u' ? 4 : 8;
    let hex = '';
    for (let i = 0; i < max; i++) {
      const d = getc();
      if (/^[0-9a-fA-F]$/.test(d)) hex += d;
      else { if (d !== '') ungetc(); break; }
    }
    if (!hex) return `\\${c}`;
    const v = parseInt(hex, 16);
    if (c === 'x' || v < 0x80) return String.fromCharCode(v);
    // The C locale has no multibyte characters: bash leaves the escape, in upper case.
    return c === 'u' ? `\\u${v.toString(16).toUpperCase().padStart(4, '0')}` : `\\U${v.toString(16).toUpperCase().padStart(8, '0')}`;
  }
  if (c === 'c') {
    const d = getc();
    return String.fromCharCode(d.charCodeAt(0) & 0x1f);
  }
  return `\\${c}`;
}

/** ansicstr(): decode every escape of a string. */
export function ansiDecode(s: string): string {
  let i = 0;
  let out = '';
  const getc = (): string => (i < s.length ? s[i++] : '');
  const ungetc = (): void => { i--; };
  while (i < s.length) {
    const c = s[i++];
    out += c === '\\' ? ansiEscape(getc, ungetc) : c;
  }
  return out;
}

/** sh_quote_reusable(): 'text' (with '\'' for quotes), or $'...' when it has non-printing bytes. */
export function quoteReusable(s: string): string {
  if (s === '') return "''";
  return hasNonPrinting(s) ? ansicQuote(s) : `'${s.replace(/'/g, "'\\''")}'`;
}
