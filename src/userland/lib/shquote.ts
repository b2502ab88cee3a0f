// bash's quoting of words for output: $'...' (ansic_quote) and printf %q (sh_backslash_quote).

// eslint-disable-next-line no-control-regex
const NON_PRINTING = /[\x00-\x1f\x7f-\xff]/;
const ANSIC_NAMES: Record<string, string> = { '\x1b': 'E', '\x07': 'a', '\v': 'v', '\b': 'b', '\f': 'f', '\n': 'n', '\r': 'r', '\t': 't' };

/** bash's ansic_quote() (strtrans.c): the whole word as $'...', non-printing bytes escaped. */
export function ansicQuote(s: string): string {
  let out = "$'";
  for (const c of s) {
    const code = c.charCodeAt(0);
    if (c in ANSIC_NAMES) out += `\\${ANSIC_NAMES[c]}`;
    else if (c === '\\' || c === "'") out += `\\${c}`;
    else if (code < 0x20 || code >= 0x7f) out += `\\${(code & 0xff).toString(8).padStart(3, '0')}`;
    else out += c;
  }
  return `${out}'`;
}

/** Whether bash would quote s as $'...' (ansic_shouldquote()). */
export function hasNonPrinting(s: string): boolean {
  return NON_PRINTING.test(s);
}

/** bash printf %q: quote so the shell reads the word back. */
export function shellQuote(s: string): string {
  if (s === '') return "''";
  if (hasNonPrinting(s)) return ansicQuote(s);
  // sh_backslash_quote(): shell metacharacters, and # or ~ at the start.
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (' \t\'"\\|&;()<>!{}*[]?^$`,'.includes(c) || (i === 0 && (c === '#' || c === '~'))) out += '\\';
    out += c;
  }
  return out;
}
