// The line editor's key bindings in readline's terms: key sequences as raw bytes, readline's
// "\C-a" / "\M-x" / "\e" notation both ways (rl_translate_keyseq, _rl_untranslate_macro_value),
// and the bindings in force (the defaults of bindtable.ts with `bind`'s changes over them).
import { RL_KEYS } from './bindtable.ts';
import type { ShState } from './state.ts';

/** rl_translate_keyseq(): readline notation to bytes. */
export function translateKeyseq(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c !== '\\') { out += c; continue; }
    const n = s[++i];
    if (n === undefined) { out += '\\'; break; }
    if ((n === 'C' || n === 'M') && s[i + 1] === '-') {
      i += 2;
      let ch = s[i];
      if (ch === '\\' && s[i + 1] !== undefined && !(s[i + 1] === 'M' || s[i + 1] === 'C')) ch = s[++i];
      if (n === 'M') {
        // \M-x is ESC x (convert-meta); \M-\C-x is ESC ^X.
        if (ch === '\\' && s[i + 1] === 'C' && s[i + 2] === '-') {
          i += 3;
          out += `\x1b${ctrl(s[i])}`;
        } else if (ch === '\\' && s[i + 1] === 'M' && s[i + 2] === '-') {
          out += '\x1b';
          i -= 1;
        } else out += `\x1b${ch ?? ''}`;
      } else out += ctrl(ch ?? '');
      continue;
    }
    const simple: Record<string, string> = { e: '\x1b', a: '\x07', b: '\x08', d: '\x7f', f: '\x0c', n: '\n', r: '\r', t: '\t', v: '\x0b' };
    if (simple[n] !== undefined) out += simple[n];
    else if (/[0-7]/.test(n)) {
      const m = /^[0-7]{1,3}/.exec(s.slice(i))![0];
      out += String.fromCharCode(parseInt(m, 8) & 0xff);
      i += m.length - 1;
    } else out += n;
  }
  return out;
}

function ctrl(ch: string): string {
  if (ch === '?') return '\x7f';
  return String.fromCharCode(ch.toUpperCase().charCodeAt(0) & 0x1f);
}

/** _rl_get_keyname() over a sequence, as `bind -p` prints it (ESC before a key is \M-). */
export function keyseqName(raw: string): string {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 0x1b && i + 1 < raw.length) out += '\\M-';
    else if (c === 0x1b) out += '\\e';
    else if (c < 0x20) out += `\\C-${String.fromCharCode(c + 0x60)}`;
    else if (c === 0x7f) out += '\\C-?';
    else if (c >= 0x80) out += `\\${c.toString(8)}`;
    else if (raw[i] === '"' || raw[i] === '\\') out += `\\${raw[i]}`;
    else out += raw[i];
  }
  return out;
}

/** Every default binding as [raw sequence, function], self-insert's printable bytes included. */
function defaults(): Map<string, string> {
  const m = new Map<string, string>();
  for (const [k, f] of RL_KEYS) m.set(translateKeyseq(k), f);
  for (let c = 0x20; c < 0x100; c++) if (c !== 0x7f) m.set(String.fromCharCode(c), 'self-insert');
  return m;
}
const DEFAULTS = defaults();

/** The function a raw sequence runs (null: unbound). */
export function boundTo(sh: ShState, raw: string): string | null {
  const o = sh.keymap.get(raw);
  return o !== undefined ? o : DEFAULTS.get(raw) ?? null;
}

/** rl_invoking_keyseqs(): the sequences bound to fn, in keymap order (bytes ascending). */
export function invokingKeyseqs(sh: ShState, fn: string): string[] {
  const keys = new Set<string>([...DEFAULTS.keys(), ...sh.keymap.keys()]);
  return [...keys].filter((k) => boundTo(sh, k) === fn).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The key the editor reads for fn by default (what a rebound key is turned into). */
export function canonicalKey(fn: string): string | null {
  for (const [k, f] of DEFAULTS) if (f === fn) return k;
  return null;
}

/** What the editor should act on for the sequence it read: the key itself when bind left it
 * alone, the default key of the function it is now bound to, or null when it is unbound or
 * bound to a function the editor lacks. */
export function remapKey(sh: ShState, raw: string): string | null {
  const o = sh.keymap.get(raw);
  if (o === undefined) return raw;
  if (o === null) return null;
  if (o === 'self-insert') return raw.length === 1 ? raw : null;
  return canonicalKey(o);
}
