// grep -P: Perl-compatible patterns (PCRE2 without UTF, as grep 3.8 uses it in the C locale),
// rewritten as JavaScript RegExp source. Both match leftmost-first with backtracking, so most
// patterns carry over; what differs is rewritten here: '.' and \s by PCRE's byte sets, \Q..\E,
// \A \z \Z \h \H \R \N \e \x{..} \o{..} \g{N}, POSIX classes in brackets, (?P<n>..) names,
// (?#..) comments, leading (?i)/(?s)/(?m) options, and \K at the top level (an empty group K
// whose index, from the 'd' flag, is where the match is reported to start).
// Approximations: possessive quantifiers and atomic groups (?>..) backtrack like ordinary ones.
// PCRE2's compile errors are detected for the common mistakes, with its messages.
import { classRanges } from './bracket.ts';
import { RegexError } from './regex_error.ts';

const SPACE = '\\t\\n\\v\\f\\r ';
const hex2 = (c: number): string => `\\x${c.toString(16).padStart(2, '0')}`;

export interface PcreSource { source: string; flags: string; nsub: number }

function posixClass(name: string): string {
  const r = classRanges(name);
  if (!r) throw new RegexError('unknown POSIX class name');
  return r.map(([a, b]) => (a === b ? hex2(a) : `${hex2(a)}-${hex2(b)}`)).join('');
}

/** One escape at p[i] === '\\'; returns [JS text, next index]. `inClass`: inside [...]. */
function escape(p: string, i: number, inClass: boolean): [string, number] {
  const d = p[i + 1];
  if (d === undefined) throw new RegexError('\\ at end of pattern');
  const braced = (from: number): [string, number] => {
    const close = p.indexOf('}', from);
    if (close < 0) throw new RegexError('missing terminating } in \\x{} or \\o{}');
    return [p.slice(from + 1, close), close + 1];
  };
  switch (d) {
    case 's': return [inClass ? SPACE : `[${SPACE}]`, i + 2];
    case 'S': return [inClass ? '\\0-\\x08\\x0e-\\x1f\\x21-\\xff' : `[^${SPACE}]`, i + 2];
    case 'h': return [inClass ? '\\t ' : '[\\t ]', i + 2];
    case 'H': return [inClass ? '\\0-\\x08\\x0a-\\x1f\\x21-\\xff' : '[^\\t ]', i + 2];
    case 'e': return ['\\x1b', i + 2];
    case 'N': if (!inClass) return ['[^\\n]', i + 2]; break;
    case 'R': if (!inClass) return ['(?:\\r\\n|[\\n\\v\\f\\r\\x85])', i + 2]; break;
    case 'A': if (!inClass) return ['(?<![^])', i + 2]; break;
    case 'z': if (!inClass) return ['(?![^])', i + 2]; break;
    case 'Z': if (!inClass) return ['(?=\\n?(?![^]))', i + 2]; break;
    case 'x': {
      if (p[i + 2] === '{') { const [h, n] = braced(i + 2); return [hex2(parseInt(h, 16) & 255), n]; }
      const m = /^[0-9a-fA-F]{0,2}/.exec(p.slice(i + 2))![0];
      return [hex2(m ? parseInt(m, 16) : 0), i + 2 + m.length];
    }
    case 'o': if (p[i + 2] === '{') { const [o, n] = braced(i + 2); return [hex2(parseInt(o, 8) & 255), n]; } break;
    case 'g': {
      const m = /^(?:\{(-?\d+)\}|(-?\d+))/.exec(p.slice(i + 2));
      if (m && !inClass) return [`\\${m[1] ?? m[2]}`, i + 2 + m[0].length];
      break;
    }
    case '0': {
      const m = /^[0-7]{0,2}/.exec(p.slice(i + 2))![0];
      return [hex2(parseInt(`0${m}`, 8)), i + 2 + m.length];
    }
    case 'Q': {
      const end = p.indexOf('\\E', i + 2);
      const lit = p.slice(i + 2, end < 0 ? p.length : end);
      return [[...lit].map((ch) => hex2(ch.charCodeAt(0))).join(''), end < 0 ? p.length : end + 2];
    }
    case 'E': return ['', i + 2];
  }
  if (/[A-Za-z0-9]/.test(d) && !/[dDwWbBntrfvac1-9pP]/.test(d)) throw new RegexError('unrecognized character follows \\');
  if (d === 'p' || d === 'P') throw new RegexError('unknown property after \\P or \\p');
  if (d === 'c') return [`\\c${p[i + 2] ?? ''}`, i + 3];
  return [p.slice(i, i + 2), i + 2];
}

/** Translate a PCRE pattern; throws RegexError with PCRE2's message. */
export function pcreToJs(pattern: string, icase: boolean): PcreSource {
  let p = pattern;
  let flags = icase ? 'i' : '';
  for (let m = /^\(\?([imsx]+)\)/.exec(p); m; m = /^\(\?([imsx]+)\)/.exec(p)) {
    for (const f of m[1]) if (f !== 'x' && !flags.includes(f)) flags += f;
    p = p.slice(m[0].length);
  }
  let out = '';
  let depth = 0;
  let nsub = 0;
  let keepAt = -1;
  let topAlt = false;
  let atomEnd = false;
  for (let i = 0; i < p.length;) {
    const c = p[i];
    if (c === '\\') {
      if (p[i + 1] === 'K') {
        if (depth || topAlt) throw new RegexError('\\K is not supported inside groups or alternatives here');
        keepAt = out.length;
        out += '(?<K>)';
        i += 2;
        continue;
      }
      const [js, n] = escape(p, i, false);
      out += js;
      i = n;
      atomEnd = js !== '';
      continue;
    }
    if (c === '[') {
      let j = i + 1;
      let body = '';
      if (p[j] === '^') { body += '^'; j++; }
      if (p[j] === ']') { body += '\\]'; j++; }
      for (;;) {
        if (j >= p.length) throw new RegexError('missing terminating ] for character class');
        if (p[j] === ']') break;
        const cls = /^\[:(\^?)([a-z]+):\]/.exec(p.slice(j));
        if (cls) {
          if (cls[1]) throw new RegexError('negated POSIX classes are not supported here');
          body += posixClass(cls[2]);
          j += cls[0].length;
        } else if (p[j] === '\\') {
          const [js, n] = escape(p, j, true);
          body += js;
          j = n;
        } else {
          body += p[j] === '[' || p[j] === '/' ? `\\${p[j]}` : p[j];
          j++;
        }
      }
      out += `[${body}]`;
      i = j + 1;
      atomEnd = true;
      continue;
    }
    if (c === '(') {
      if (p.startsWith('(?#', i)) {
        const close = p.indexOf(')', i);
        if (close < 0) throw new RegexError('missing ) after (?# comment');
        i = close + 1;
        continue;
      }
      depth++;
      atomEnd = false;
      if (p.startsWith('(?P<', i)) { out += '(?<'; i += 4; nsub++; continue; }
      if (p.startsWith('(?P=', i)) {
        const close = p.indexOf(')', i);
        out += `\\k<${p.slice(i + 4, close)}>`;
        depth--;
        i = close + 1;
        atomEnd = true;
        continue;
      }
      if (p.startsWith('(?>', i)) { out += '(?:'; i += 3; continue; }
      const opener = /^\(\?(?:[:=!]|<[=!])/.exec(p.slice(i));
      if (opener) { out += opener[0]; i += opener[0].length; continue; }
      if (p[i + 1] !== '?' || p.startsWith('(?<', i) && !/^\(\?<[=!]/.test(p.slice(i))) nsub++;
      out += '(';
      i++;
      continue;
    }
    if (c === ')') {
      if (!depth) throw new RegexError('unmatched closing parenthesis');
      depth--;
      out += ')';
      i++;
      atomEnd = true;
      continue;
    }
    if (c === '|' && !depth) topAlt = true;
    if ('*+?'.includes(c) || (c === '{' && /^\{\d+(,\d*)?\}/.test(p.slice(i)))) {
      if (!atomEnd) throw new RegexError('quantifier does not follow a repeatable item');
      const q = c === '{' ? /^\{(\d+)(,(\d*))?\}/.exec(p.slice(i))! : null;
      if (q && q[3] && Number(q[3]) < Number(q[1])) throw new RegexError('numbers out of order in {} quantifier');
      const len = q ? q[0].length : 1;
      out += p.slice(i, i + len);
      i += len;
      if (p[i] === '?') out += p[i++];
      else if (p[i] === '+') i++; // possessive: backtracks here
      atomEnd = false;
      continue;
    }
    out += c === '.' ? (flags.includes('s') ? '[^]' : '[^\\n]') : c === '/' ? '\\/' : c;
    atomEnd = c !== '|' && c !== '^' && c !== '$';
    i++;
  }
  if (depth) throw new RegexError('missing closing parenthesis');
  // '.' is already rewritten, so (?s) needs no JavaScript flag.
  // \K: an empty group named K marks where the reported match starts ('d' gives its index).
  const js = flags.replace(/[^im]/g, '') + (keepAt >= 0 ? 'd' : '');
  try {
    new RegExp(out, `g${js}`);
  } catch (_e) {
    throw new RegexError('unsupported Perl regular expression');
  }
  return { source: out, flags: js, nsub };
}
