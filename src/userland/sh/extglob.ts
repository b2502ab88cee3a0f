// bash's extended patterns (shopt extglob; always on inside [[ ]]): ?(list) *(list) +(list)
// @(list) !(list), where list is patterns separated by |. The pattern is parsed once into nodes
// and matched over the string's splits as bash's extmatch does, remembering each answer.
import { addWork } from './globc.ts';
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

/**
 * Matching with memory: bash's extmatch tries every split of the string at every group, which
 * takes exponential time (`+(a|aa)+(a|aa)...b` against a run of a's). Each question
 * "does this sequence, from node ni, match s[si, end)?" and "does this group match s[i, j)?"
 * is answered once per call of extmatch, so the time is polynomial; the answers are the same.
 */
class Matcher {
  private memo = new Map<number | string, boolean>();
  private reaches = new Map<string, Uint8Array>();
  private readonly w: number;
  steps = 0;
  constructor(private readonly s: string, private readonly ids: Map<ENode[] | ENode, number>) {
    this.w = s.length + 1;
  }

  private key(id: number, a: number, b: number): number | string {
    const k = (id * this.w + a) * this.w + b;
    return Number.isSafeInteger(k) ? k : `${id},${a},${b}`;
  }

  /** Does nodes[ni..] match s[si, end) entirely? */
  seq(nodes: ENode[], ni: number, si: number, end: number): boolean {
    this.steps++;
    if (ni === nodes.length) return si === end;
    const n = nodes[ni];
    const s = this.s;
    switch (n.t) {
      case 'lit': return si < end && s[si] === n.c && this.seq(nodes, ni + 1, si + 1, end);
      case 'any': return si < end && this.seq(nodes, ni + 1, si + 1, end);
      case 'br': return si < end && bracketAt(n.pat, n.p, s, si) && this.seq(nodes, ni + 1, si + 1, end);
      case 'star': case 'grp': {
        const k = this.key(this.ids.get(nodes)! + ni, si, end);
        const known = this.memo.get(k);
        if (known !== undefined) return known;
        let r = false;
        for (let j = si; j <= end && !r; j++) {
          this.steps++;
          r = (n.t === 'star' || this.group(n, si, j)) && this.seq(nodes, ni + 1, j, end);
        }
        this.memo.set(k, r);
        return r;
      }
    }
  }

  /** Does one of the group's patterns match s[i, j)? */
  private any(n: ENode & { t: 'grp' }, i: number, j: number): boolean {
    const k = this.key(this.ids.get(n)! + 1, i, j);
    const known = this.memo.get(k);
    if (known !== undefined) return known;
    let r = false;
    for (const a of n.alts) if ((r = this.seq(a, 0, i, j))) break;
    this.memo.set(k, r);
    return r;
  }

  /** Does the group match s[i, j)? */
  private group(n: ENode & { t: 'grp' }, i: number, j: number): boolean {
    switch (n.op) {
      case '@': return this.any(n, i, j);
      case '?': return i === j || this.any(n, i, j);
      case '!': return !this.any(n, i, j);
      // +(list) needs one piece at least; for a non-empty string *(list) does too.
      case '+': return i !== j && this.reach(n, i)[j] === 1;
      default: return this.reach(n, i)[j] === 1;
    }
  }

  /** *(list): the ends j such that s[i, j) splits into non-empty pieces each matching a pattern
   * of the list (found breadth-first, not by recursion on the rest of the string). */
  private reach(n: ENode & { t: 'grp' }, i: number): Uint8Array {
    const k = `${this.ids.get(n)!}*${i}`;
    let r = this.reaches.get(k);
    if (r) return r;
    const len = this.s.length;
    r = new Uint8Array(len + 1);
    r[i] = 1;
    for (let a = i; a < len; a++) {
      if (r[a] !== 1) continue;
      for (let b = a + 1; b <= len; b++) {
        this.steps++;
        if (r[b] !== 1 && this.any(n, a, b)) r[b] = 1;
      }
    }
    this.reaches.set(k, r);
    return r;
  }
}

interface Parsed {
  nodes: ENode[];
  /** A distinct number for every sequence's nodes and every group (the memory's keys). */
  ids: Map<ENode[] | ENode, number>;
}

function number(nodes: ENode[], ids: Map<ENode[] | ENode, number>, next: number): number {
  ids.set(nodes, next);
  next += nodes.length + 1;
  for (const n of nodes) {
    if (n.t !== 'grp') continue;
    ids.set(n, next);
    next += 2;
    for (const a of n.alts) next = number(a, ids, next);
  }
  return next;
}

const cache = new Map<string, Parsed>();

/** Match a whole string against an extended pattern. */
export function extmatch(pat: string, s: string): boolean {
  let p = cache.get(pat);
  if (!p) {
    const nodes = parse(pat);
    const ids = new Map<ENode[] | ENode, number>();
    number(nodes, ids, 0);
    p = { nodes, ids };
    if (cache.size > 500) cache.clear();
    cache.set(pat, p);
  }
  const m = new Matcher(s, p.ids);
  const r = m.seq(p.nodes, 0, 0, s.length);
  addWork(m.steps);
  return r;
}
