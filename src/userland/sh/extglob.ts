// bash's extended patterns (shopt extglob; always on inside [[ ]]): ?(list) *(list) +(list)
// @(list) !(list), where list is patterns separated by |. The pattern is parsed once into nodes
// and matched by backtracking (bash's extmatch works the same way, on the string's every split).
import { bracketAt, bracketEnd } from './pattern.ts';

type ENode =
  | { t: 'lit'; c: string }
  | { t: 'any' }
  | { t: 'star' }
  | { t: 'br'; pat: string; p: number }
  | { t: 'grp'; op: string; alts: ENode[][] };

/** Does the pattern (backslash-escaped) contain an unescaped extglob group? */
export function hasExtglob(pat: string): boolean {
  for (let i = 0; i < pat.length - 1; i++) {
    const c = pat[i];
    if (c === '\\') { i++; continue; }
    if ((c === '?' || c === '*' || c === '+' || c === '@' || c === '!') && pat[i + 1] === '(') return true;
  }
  return false;
}

/** The index of the `)` closing the group whose `(` is at i, or -1. */
function groupEnd(pat: string, i: number): number {
  let depth = 0;
  for (let k = i; k < pat.length; k++) {
    const c = pat[k];
    if (c === '\\') { k++; continue; }
    if (c === '[') {
      const e = bracketEnd(pat, k + 1);
      if (e > 0) { k = e - 1; continue; }
    }
    if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return k;
  }
  return -1;
}

function parse(pat: string): ENode[] {
  let i = 0;
  const seq = (end: number, inGroup: boolean): ENode[] => {
    const out: ENode[] = [];
    while (i < end) {
      const c = pat[i];
      if (inGroup && c === '|') return out;
      if ((c === '?' || c === '*' || c === '+' || c === '@' || c === '!') && pat[i + 1] === '(') {
        const close = groupEnd(pat, i + 1);
        if (close > 0) {
          i += 2;
          const alts: ENode[][] = [];
          for (;;) {
            alts.push(seq(close, true));
            if (i < close && pat[i] === '|') { i++; continue; }
            break;
          }
          i = close + 1;
          out.push({ t: 'grp', op: c, alts });
          continue;
        }
      }
      if (c === '\\' && i + 1 < end) {
        out.push({ t: 'lit', c: pat[i + 1] });
        i += 2;
        continue;
      }
      if (c === '?') out.push({ t: 'any' });
      else if (c === '*') out.push({ t: 'star' });
      else if (c === '[' && bracketEnd(pat, i + 1) > 0) {
        out.push({ t: 'br', pat, p: i + 1 });
        i = bracketEnd(pat, i + 1);
        continue;
      } else out.push({ t: 'lit', c });
      i++;
    }
    return out;
  };
  return seq(pat.length, false);
}

function m(nodes: ENode[], ni: number, s: string, si: number): boolean {
  if (ni === nodes.length) return si === s.length;
  const n = nodes[ni];
  switch (n.t) {
    case 'lit': return si < s.length && s[si] === n.c && m(nodes, ni + 1, s, si + 1);
    case 'any': return si < s.length && m(nodes, ni + 1, s, si + 1);
    case 'star':
      for (let k = si; k <= s.length; k++) if (m(nodes, ni + 1, s, k)) return true;
      return false;
    case 'br': return si < s.length && bracketAt(n.pat, n.p, s, si) && m(nodes, ni + 1, s, si + 1);
    case 'grp':
      for (let k = si; k <= s.length; k++) {
        if (group(n.op, n.alts, s.slice(si, k)) && m(nodes, ni + 1, s, k)) return true;
      }
      return false;
  }
}

function any(alts: ENode[][], s: string): boolean {
  return alts.some((a) => m(a, 0, s, 0));
}

function group(op: string, alts: ENode[][], s: string): boolean {
  switch (op) {
    case '@': return any(alts, s);
    case '?': return s === '' || any(alts, s);
    case '!': return !any(alts, s);
    case '*': case '+': {
      if (s === '') return op === '*';
      for (let k = 1; k <= s.length; k++) {
        if (any(alts, s.slice(0, k)) && (k === s.length || group('*', alts, s.slice(k)))) return true;
      }
      return false;
    }
  }
  return false;
}

const cache = new Map<string, ENode[]>();

/** Match a whole string against an extended pattern. */
export function extmatch(pat: string, s: string): boolean {
  let nodes = cache.get(pat);
  if (!nodes) {
    nodes = parse(pat);
    if (cache.size > 500) cache.clear();
    cache.set(pat, nodes);
  }
  return m(nodes, 0, s, 0);
}
