// POSIX basic and extended regular expressions (with GNU's extensions and error messages) over
// byte strings in the C locale, translated to JavaScript RegExp source.
//
// Leftmost-longest: POSIX wants the longest of the leftmost matches; JavaScript takes the first
// alternative that works. PosixRegex.exec() widens a match to the longest one when the pattern
// has alternation (unless it ends in an assertion such as $ or \>, where the check would need
// the text after the match); sub-group extents inside a match still follow JavaScript's choice.
//
// Linear time: where V8's backtracking could take exponential time (`(a*)*b`; GNU matches with a
// DFA), PosixRegex runs the same JavaScript source on the Pike VM of pikevm.ts, which gives the
// same matches and groups in time linear in the text, and widens to the longest match with it
// too. Known limits, which stay on JavaScript's RegExp: patterns with back-references (`\(a*\)*\1`
// can still backtrack exponentially; GNU is slow on those as well, though preemptible), and
// programs over MAX_PROGRAM instructions (large counted repetitions of groups, `\(ab\)\{32767\}`).
import { parseBracket } from './bracket.ts';
import type { BracketEscape } from './bracket.ts';
import { linearMatcherFor } from './pikevm.ts';
import type { PikeVM } from './pikevm.ts';
import { RegexError } from './regex_error.ts';

export { RegexError };

export interface RegexOptions {
  /** ERE (grep -E, sed -E, awk); otherwise BRE. */
  extended?: boolean;
  /** Case-insensitive in the C locale: ASCII letters only. */
  icase?: boolean;
  /** sed's M flag: ^ and $ also match around embedded newlines. */
  multiline?: boolean;
  /** sed's escapes: \n \t \a \f \v \r \dNNN \oNNN \xHH \cX produce bytes. */
  sedEscapes?: boolean;
  /** awk's dialect: ERE, \/ \" \n \t \ddd escapes, no back-references or GNU word operators. */
  awk?: boolean;
}

export interface Translation {
  source: string;
  /** Number of capturing groups. */
  nsub: number;
  hasAlternation: boolean;
  /** The pattern looks past a match's end ($, \b, \>, ...). */
  endAssert: boolean;
  /** GNU grep's warnings, e.g. "* at start of expression". */
  warnings: string[];
  /** What GNU's dfa refuses after glibc's regex accepted the pattern (grep and sed report it). */
  dfaError?: string;
  /** RegExp flags ('i', 'm'; 'd' for \K) of a Perl pattern (grep -P), which runs on RegExp alone. */
  flags?: string;
}

const WORD = '[0-9A-Za-z_]';
const JS_SPECIAL = new Set('\\^$.|?*+()[]{}/-');
const RE_DUP_MAX = 32767;

function literal(code: number, icase: boolean): string {
  const ch = String.fromCharCode(code);
  if (icase && /[A-Za-z]/.test(ch)) return `[${ch.toUpperCase()}${ch.toLowerCase()}]`;
  if (JS_SPECIAL.has(ch)) return '\\' + ch;
  if (code < 0x20 || code > 0x7e) return '\\x' + code.toString(16).padStart(2, '0');
  return ch;
}

const SED_SIMPLE: Record<string, number> = { n: 10, t: 9, a: 7, f: 12, v: 11, r: 13 };
const AWK_SIMPLE: Record<string, number> = { n: 10, t: 9, a: 7, b: 8, f: 12, v: 11, r: 13 };

/** sed's \dNNN \oNNN \xHH \cX: the byte and how many pattern characters it used. */
function sedNumeric(p: string, i: number): [number, number] | null {
  const d = p[i];
  const take = (re: RegExp, max: number, base: number): [number, number] | null => {
    let s = '';
    while (s.length < max && i + 1 + s.length < p.length && re.test(p[i + 1 + s.length])) s += p[i + 1 + s.length];
    return s ? [parseInt(s, base) & 0xff, 1 + s.length] : null;
  };
  if (d === 'd') return take(/[0-9]/, 3, 10);
  if (d === 'o') return take(/[0-7]/, 3, 8);
  if (d === 'x') return take(/[0-9a-fA-F]/, 2, 16);
  if (d === 'c' && i + 1 < p.length) return [p[i + 1].toUpperCase().charCodeAt(0) ^ 0x40, 2];
  return null;
}

/** Translate a POSIX pattern to JavaScript RegExp source; throws RegexError with GNU's message. */
export function translate(p: string, opts: RegexOptions = {}): Translation {
  const ere = !!opts.extended || !!opts.awk;
  const icase = !!opts.icase;
  let out = '';
  let nsub = 0;
  let hasAlternation = false;
  let endAssert = false;
  const warnings: string[] = [];
  let dfaError: string | undefined;
  const groups: number[] = []; // out offsets of open groups
  /** Where the last atom starts in `out`; -1 when a quantifier has nothing to apply to. */
  let atom = -1;
  let quantified = false;
  let assertion = false;
  /** At the start of the pattern, a group or an alternative (BRE's leading-context rules). */
  let leading = true;

  const emitAtom = (src: string, isAssertion = false): void => {
    atom = out.length;
    out += src;
    quantified = false;
    assertion = isAssertion;
    leading = false;
  };
  const quantify = (q: string, name: string): void => {
    if (atom < 0) {
      // GNU ERE ignores a repetition operator with nothing before it (grep warns).
      warnings.push(`${name} at start of expression`);
      return;
    }
    if (quantified || assertion) out = out.slice(0, atom) + '(?:' + out.slice(atom) + ')';
    out += q;
    quantified = true;
    assertion = false;
  };
  /** Read "m,n}" (ERE) or "m,n\}" (BRE) after the brace at i-1; null if ERE should take '{' literally. */
  const interval = (i: number): { q: string; end: number } | null => {
    const m = /^(\d*)(,(\d*))?/.exec(p.slice(i))!;
    let j = i + m[0].length;
    const closeOk = ere ? p[j] === '}' : p[j] === '\\' && p[j + 1] === '}';
    if (!closeOk || (m[1] === '' && m[2] === undefined)) {
      if (ere) return null;
      if (j >= p.length || (p[j] === '\\' && j + 1 >= p.length)) throw new RegexError('Unmatched \\{');
      throw new RegexError('Invalid content of \\{\\}');
    }
    j += ere ? 1 : 2;
    const lo = m[1] === '' ? 0 : Number(m[1]);
    const hi = m[2] === undefined ? lo : m[3] === '' ? Infinity : Number(m[3]);
    if (lo > hi) throw new RegexError('Invalid content of \\{\\}');
    if (lo > RE_DUP_MAX || (hi !== Infinity && hi > RE_DUP_MAX)) throw new RegexError('Regular expression too big');
    return { q: m[2] === undefined ? `{${lo}}` : hi === Infinity ? `{${lo},}` : `{${lo},${hi}}`, end: j };
  };
  const openGroup = (): void => {
    groups.push(out.length);
    nsub++;
    out += '(';
    atom = -1;
    leading = true;
  };
  const closeGroup = (): void => {
    const start = groups.pop()!;
    out += ')';
    atom = start;
    quantified = false;
    assertion = false;
    leading = false;
  };
  const alternate = (): void => {
    out += '|';
    hasAlternation = true;
    atom = -1;
    leading = true;
  };
  const caret = (): void => {
    emitAtom(opts.multiline ? '(?<![^\\n])' : '^', true);
    if (!ere) atom = -1; // BRE: '*' right after a leading '^' is literal
  };
  const dollar = (): void => {
    emitAtom(opts.multiline ? '(?![^\\n])' : '$', true);
    endAssert = true;
  };

  const bracketEscape: BracketEscape | undefined = opts.awk ? (q, j) => {
    const d = q[j + 1];
    if (d === undefined) return null;
    if (/[0-7]/.test(d)) {
      let s = d;
      while (s.length < 3 && /[0-7]/.test(q[j + 1 + s.length] ?? '')) s += q[j + 1 + s.length];
      return [parseInt(s, 8) & 0xff, 1 + s.length];
    }
    return [AWK_SIMPLE[d] ?? d.charCodeAt(0), 2];
  } : opts.sedEscapes ? (q, j) => {
    const d = q[j + 1];
    if (d !== undefined && d in SED_SIMPLE) return [SED_SIMPLE[d], 2];
    const num = d === undefined ? null : sedNumeric(q, j + 1);
    return num ? [num[0], 1 + num[1]] : null;
  } : undefined;

  let i = 0;
  while (i < p.length) {
    const c = p[i];
    if (c === '\\') {
      if (i + 1 >= p.length) throw new RegexError('Trailing backslash');
      const d = p[i + 1];
      i += 2;
      if (opts.awk) {
        if (/[0-7]/.test(d)) {
          let s = d;
          while (s.length < 3 && /[0-7]/.test(p[i] ?? '')) s += p[i++];
          emitAtom(literal(parseInt(s, 8) & 0xff, icase));
        } else emitAtom(literal(AWK_SIMPLE[d] ?? d.charCodeAt(0), icase));
        continue;
      }
      if (opts.sedEscapes) {
        if (d in SED_SIMPLE) {
          emitAtom(literal(SED_SIMPLE[d], icase));
          continue;
        }
        const num = sedNumeric(p, i - 1);
        if (num) {
          emitAtom(literal(num[0], icase));
          i += num[1] - 1;
          continue;
        }
      } else if (d === 'n') {
        emitAtom('\\n');
        continue;
      }
      if (!ere && d === '(') { openGroup(); continue; }
      if (!ere && d === ')') {
        if (!groups.length) throw new RegexError('Unmatched ) or \\)');
        closeGroup();
        continue;
      }
      if (!ere && d === '|') { alternate(); continue; }
      if (!ere && d === '{') {
        if (atom < 0) { emitAtom('\\{'); continue; }
        const iv = interval(i)!;
        quantify(iv.q, '{...}');
        i = iv.end;
        continue;
      }
      if (!ere && (d === '+' || d === '?')) {
        if (atom < 0) emitAtom('\\' + d);
        else quantify(d, d);
        continue;
      }
      if (d >= '1' && d <= '9') {
        if (Number(d) > nsub) throw new RegexError('Invalid back reference');
        emitAtom('\\' + d);
        endAssert = true; // a back-reference's extent depends on the group's choice
        continue;
      }
      switch (d) {
        case 'w': emitAtom(WORD); continue;
        case 'W': emitAtom('[^0-9A-Za-z_]'); continue;
        case 's': emitAtom('[\\t-\\r ]'); continue;
        case 'S': emitAtom('[^\\t-\\r ]'); continue;
        case 'b': emitAtom('\\b', true); endAssert = true; continue;
        case 'B': emitAtom('\\B', true); endAssert = true; continue;
        case '<': emitAtom(`\\b(?=${WORD})`, true); endAssert = true; continue;
        case '>': emitAtom(`\\b(?<=${WORD})`, true); endAssert = true; continue;
        case '`': emitAtom('(?<![^])', true); continue;
        case "'": emitAtom('(?![^])', true); endAssert = true; continue;
      }
      emitAtom(literal(d.charCodeAt(0), icase));
      continue;
    }
    if (c === '[') {
      const b = parseBracket(p, i, icase, !!opts.awk, bracketEscape);
      if (b.colonSyntax && !opts.awk) dfaError ??= 'character class syntax is [[:space:]], not [:space:]';
      emitAtom(b.source);
      i = b.end;
      continue;
    }
    i++;
    switch (c) {
      case '.':
        emitAtom('[^]');
        continue;
      case '*':
        if (!ere && atom < 0) emitAtom('\\*');
        else quantify('*', '*');
        continue;
      case '^':
        if (ere || leading) caret();
        else emitAtom('\\^');
        continue;
      case '$':
        if (ere || i === p.length || p.startsWith('\\)', i) || p.startsWith('\\|', i)) dollar();
        else emitAtom('\\$');
        continue;
    }
    if (ere) {
      if (c === '+' || c === '?') { quantify(c, c); continue; }
      if (c === '{') {
        const iv = interval(i);
        if (iv) {
          quantify(iv.q, '{...}');
          i = iv.end;
        } else emitAtom('\\{');
        continue;
      }
      if (c === '|') { alternate(); continue; }
      if (c === '(') { openGroup(); continue; }
      if (c === ')' && groups.length) { closeGroup(); continue; }
    }
    emitAtom(literal(c.charCodeAt(0), icase));
  }
  if (groups.length) throw new RegexError('Unmatched ( or \\(');
  return { source: out, nsub, hasAlternation, endAssert, warnings, dfaError };
}

export interface RegexMatch {
  index: number;
  end: number;
  /** [0] is the whole match; undefined for a group that did not take part. */
  groups: (string | undefined)[];
}

/** How far past a JavaScript match exec() looks for a longer POSIX match. */
const LONGEST_WINDOW = 4096;

export class PosixRegex {
  readonly nsub: number;
  readonly source: string;
  readonly warnings: string[];
  private readonly re: RegExp;
  private readonly tail: RegExp | null;
  /** The linear matcher, for patterns on which `re` could backtrack super-linearly. */
  private readonly vm: PikeVM | null;
  private readonly widen: boolean;

  constructor(t: Translation) {
    this.nsub = t.nsub;
    this.source = t.source;
    this.warnings = t.warnings;
    try {
      this.re = new RegExp(t.source, `g${t.flags ?? ''}`);
    } catch (_e) {
      // Left over are constructs JavaScript refuses and GNU accepts oddly; report as GNU would.
      throw new RegexError('Invalid preceding regular expression');
    }
    this.vm = t.flags === undefined ? linearMatcherFor(t.source) : null;
    this.widen = t.hasAlternation && !t.endAssert;
    this.tail = this.widen && !this.vm ? new RegExp(`(?:${t.source})$`, 'y') : null;
  }

  /** The leftmost (longest, see above) match starting at or after `from`. */
  exec(s: string, from = 0): RegexMatch | null {
    if (this.vm) {
      const m = this.vm.exec(s, from);
      if (!m || !this.widen) return m;
      // The NFA finds the longest match from m.index directly (no LONGEST_WINDOW limit).
      const w = this.vm.longest(s, m.index);
      return w && w.end > m.end ? w : m;
    }
    this.re.lastIndex = from;
    let m = this.re.exec(s);
    if (!m) return null;
    // grep -P's \K: the match is reported from the empty group K on.
    const index = m.indices?.groups?.K?.[0] ?? m.index;
    let end = m.index + m[0].length;
    if (this.tail) {
      const limit = Math.min(s.length, end + LONGEST_WINDOW);
      for (let j = limit; j > end; j--) {
        this.tail.lastIndex = index;
        const w = this.tail.exec(s.slice(0, j));
        if (w) {
          m = w;
          end = j;
          break;
        }
      }
    }
    return { index, end, groups: Array.from(m) };
  }

  test(s: string): boolean {
    if (this.vm) return this.vm.exec(s, 0) !== null;
    this.re.lastIndex = 0;
    return this.re.test(s);
  }
}

/** Compile a POSIX pattern; throws RegexError with GNU's message. */
export function compileRegex(pattern: string, opts: RegexOptions = {}): PosixRegex {
  return new PosixRegex(translate(pattern, opts));
}

/** A fixed string (grep -F) as a Translation that matches it literally. */
export function fixedTranslation(s: string, icase = false): Translation {
  let source = '';
  for (let i = 0; i < s.length; i++) source += literal(s.charCodeAt(i), icase);
  return { source, nsub: 0, hasAlternation: false, endAssert: false, warnings: [] };
}
