// ${@#pat} and friends when dash joins the parameters with NUL (quoted "$@", or unquoted $@/$*
// with IFS set, in a word that is split), replayed on dash's own bytes. dash's subevalvar()
// works on the CTLESC-escaped value, and when that value has escapes it matches against a copy
// made by _rmescapes(), which reads a C string and so stops at the first NUL. scanleft() and
// scanright() then walk the escaped value and that shorter copy side by side, so with escapes
// (quoted: any of !*?[=~:/-\ ) the two drift apart and the cut lands where dash's does, e.g.
// `set -- -a -b; echo "${@##-}"` prints "b". Pointers are indices into one byte string laid out
// as dash's stack is: the value, its NUL, the pattern, then the copy.
import { pmatch } from './pattern.ts';

const CTLESC = '\x81';
const CTLQUOTEMARK = '\x88';
/** DQSYNTAX's CCTL characters and CBACK, which memtodest() escapes in a quoted expansion. */
const DQ_ESCAPED = '!*?[=~:/-]\\';

/** memtodest() with QUOTES_ESC: CTLESC before the characters the syntax table marks. */
function escape(v: string, quoted: boolean): string {
  let out = '';
  for (const c of v) {
    const code = c.charCodeAt(0);
    if ((code >= 0x81 && code <= 0x88) || (quoted && DQ_ESCAPED.includes(c))) out += CTLESC;
    out += c;
  }
  return out;
}

/** _rmescapes() without RMESCAPE_GLOB, up to the first NUL. */
function unescape(s: string): string {
  let out = '';
  for (let i = 0; i < s.length && s[i] !== '\0'; i++) {
    if (s[i] === CTLQUOTEMARK) continue;
    if (s[i] === CTLESC) i++;
    if (i < s.length) out += s[i];
  }
  return out;
}

/** The C string at `i` (to the next NUL), with a NUL written at `cut` for the time being. */
function cstr(mem: string, i: number, cut = -1): string {
  let end = mem.indexOf('\0', i);
  if (end < 0) end = mem.length;
  if (cut >= i && cut < end) end = cut;
  return mem.slice(i, end);
}

/**
 * subevalvar()'s trim of NUL-joined parameters. Returns the parameters left (split at the NULs,
 * escapes removed).
 */
export function trimNul(params: string[], quoted: boolean, pat: string, op: '#' | '##' | '%' | '%%'): string[] {
  const v = params.map((p) => escape(p, quoted)).join('\0');
  const endp = v.length;
  const head = v.slice(0, v.includes('\0') ? v.indexOf('\0') : endp);
  const str = endp + 1;
  let mem = `${v}\0${pat}\0`;
  let rmesc = 0;
  let rmescend = endp;
  if (head.includes(CTLESC) || head.includes(CTLQUOTEMARK)) {
    rmesc = mem.length;
    mem += `${unescape(head)}\0`;
    rmescend = mem.length - 1;
  }
  const byte = (i: number): string => (i >= 0 && i < mem.length ? mem[i] : '\0');
  const zero = op === '#' || op === '##';
  // Walking the copy backwards runs on into the pattern and the value in front of it: a
  // subject there may be the pattern itself, and the NUL that zero mode writes at loc2 may cut
  // the pattern short.
  const matches = (loc2: number): boolean => {
    if (!zero) return pmatch(pat, loc2 >= 0 ? cstr(mem, loc2) : '');
    const p = loc2 >= str && loc2 < str + pat.length ? pat.slice(0, loc2 - str) : pat;
    return pmatch(p, cstr(mem, rmesc, loc2));
  };
  let loc: number | null = null;
  if (op === '#' || op === '%%') {
    // scanleft()
    let l = 0;
    let l2 = rmesc;
    for (;;) {
      const c = byte(l2);
      if (matches(l2)) { loc = l; break; }
      if (byte(l) === CTLESC) l++;
      l++;
      l2++;
      if (c === '\0') break;
    }
  } else {
    // scanright(), with esclen() deciding whether the step back lands on an escaped character.
    let esc = 0;
    for (let l = endp, l2 = rmescend; l >= 0; l2--) {
      if (matches(l2)) { loc = l; break; }
      l--;
      if (--esc < 0) {
        esc = 0;
        for (let q = l; q > 0 && mem[q - 1] === CTLESC; q--) esc++;
      }
      if (esc % 2) {
        esc--;
        l--;
      }
    }
  }
  let cut = v;
  if (loc !== null) cut = zero ? mem.slice(loc, endp) : mem.slice(0, Math.min(loc, endp));
  return cut.split('\0').map((p) => unescape(p));
}
