// gnulib quotearg's shell-escape styles in the C locale, as coreutils prints file names in
// diagnostics: quoteaf() always quotes ('foo'), quotef() only when the name needs it (foo,
// 'a b'). Non-printable bytes become $'\ooo' segments; a name with a single quote and nothing
// a double-quoted string would expand is double-quoted ("it's").

const ESCAPES: Record<string, string> = { '\x07': 'a', '\b': 'b', '\f': 'f', '\n': 'n', '\r': 'r', '\t': 't', '\v': 'v' };

function needsEscape(c: string): boolean {
  const n = c.charCodeAt(0);
  return n < 0x20 || n >= 0x7f;
}

function escapeOf(c: string): string {
  return ESCAPES[c] ? `\\${ESCAPES[c]}` : `\\${c.charCodeAt(0).toString(8).padStart(3, '0')}`;
}

/** Does gnulib's shell style quote this character (at index i of a name of length len)? */
function special(c: string, i: number, len: number, colon: boolean): boolean {
  if (needsEscape(c)) return true;
  if (c === '#' || c === '~') return i === 0;
  if (c === '{' || c === '}') return len === 1;
  if (c === ':') return colon;
  return ' !"$&\'()*;<=>?[\\^`|'.includes(c);
}

function quoteShell(s: string, always: boolean, colon: boolean): string {
  let needs = always || s === '';
  let escapes = false;
  for (let i = 0; i < s.length; i++) {
    if (special(s[i], i, s.length, colon)) needs = true;
    if (needsEscape(s[i])) escapes = true;
  }
  if (!needs) return s;
  if (s.includes("'") && !escapes && !/["$`\\!]/.test(s)) return `"${s}"`;
  let out = "'";
  let mode: 'sq' | 'dollar' = 'sq';
  for (const c of s) {
    if (needsEscape(c)) {
      if (mode === 'sq') out += "'$'";
      out += escapeOf(c);
      mode = 'dollar';
      continue;
    }
    if (mode === 'dollar') {
      out += "''";
      mode = 'sq';
    }
    out += c === "'" ? "'\\''" : c;
  }
  return `${out}'`;
}

/** quoteaf(): always quoted, as in "cannot access 'foo'". */
export function quote(s: string): string {
  return quoteShell(s, true, false);
}

/** quotef(): quoted only when needed (and ':' quoted), as in "cat: foo: No such file...". */
export function quotef(s: string): string {
  return quoteShell(s, false, true);
}

/** shell_escape_quoting_style: quoted only when needed (printf %q, ls on a terminal). */
export function shellEscape(s: string): string {
  return quoteShell(s, false, false);
}

/**
 * quote(): locale_quoting_style in the C locale — always 'single quoted', with backslash
 * escapes for \ ' and control characters (\n, \ooo). GNU uses it for operands that are not
 * file names being accessed: "invalid mode 'x'", "extra operand 'x'", find's "'x': ...".
 */
export function quoteC(s: string): string {
  let out = "'";
  for (const c of s) {
    if (c === '\\') out += '\\\\';
    else if (c === "'") out += "\\'";
    else if (ESCAPES[c]) out += `\\${ESCAPES[c]}`;
    else if (needsEscape(c)) out += `\\${c.charCodeAt(0).toString(8).padStart(3, '0')}`;
    else out += c;
  }
  return `${out}'`;
}
