// The matching engine behind pmatch (pattern.ts): a pattern is compiled once into tokens (a
// character, `?`, `*`, a bracket expression) and matched without recursion. dash's pmatch()
// recurses at every `*` and so takes exponential time on `*a*a*a*a*b` against a run of a's;
// every token but `*` consumes exactly one character, so backtracking to the most recent `*`
// alone finds the same answer (the classic glob algorithm), in O(length × tokens) at worst.
// The answers are dash's: what matches is decided by the same rules (pattern.ts bracket()).

export const LIT = 0;
export const ANY = 1;
export const STAR = 2;
export const SET = 3;

export interface Glob {
  kind: Uint8Array;
  /** LIT: the character code; SET: the index in `sets`. */
  arg: Int32Array;
  sets: GlobSet[];
}

/** One bracket expression: answers for bytes are computed on first use and kept. */
export interface GlobSet {
  pat: string;
  /** The pattern index just after `[`. */
  p: number;
  /** 0 not yet known, 1 no, 2 yes. */
  memo: Uint8Array;
}

/** Elementary steps done by the matchers since the last takeWork(): the CPU they would cost. */
let work = 0;

export function takeWork(): number {
  const w = work;
  work = 0;
  return w;
}

export function addWork(n: number): void {
  work += n;
}

type BracketFn = (pat: string, p: number, str: string, q: number) => number;
type BracketEndFn = (pat: string, p: number) => number;

/** Tokens of a pattern, with dash's reading of `\`, `*` and `[` (pattern.ts pm()). */
export function compile(pat: string, bracketEnd: BracketEndFn): Glob {
  const kind: number[] = [];
  const arg: number[] = [];
  const sets: GlobSet[] = [];
  const plen = pat.length;
  let p = 0;
  while (p < plen) {
    const c = pat.charCodeAt(p++);
    if (c === 0x5c /* \ */) {
      kind.push(LIT);
      arg.push(p < plen ? pat.charCodeAt(p++) : c);
    } else if (c === 0x3f /* ? */) {
      kind.push(ANY);
      arg.push(0);
    } else if (c === 0x2a /* * */) {
      // Consecutive stars are one star.
      if (kind.length === 0 || kind[kind.length - 1] !== STAR) {
        kind.push(STAR);
        arg.push(0);
      }
    } else if (c === 0x5b /* [ */) {
      const end = bracketEnd(pat, p);
      if (end < 0) {
        // No closing bracket: `[` is an ordinary character.
        kind.push(LIT);
        arg.push(c);
      } else {
        kind.push(SET);
        arg.push(sets.length);
        sets.push({ pat, p, memo: new Uint8Array(256) });
        p = end;
      }
    } else {
      kind.push(LIT);
      arg.push(c);
    }
  }
  return { kind: Uint8Array.from(kind), arg: Int32Array.from(arg), sets };
}

function inSet(s: GlobSet, chr: number, bracket: BracketFn): boolean {
  if (chr < 256) {
    const m = s.memo[chr];
    if (m !== 0) return m === 2;
    const yes = bracket(s.pat, s.p, String.fromCharCode(chr), 0) >= 0;
    s.memo[chr] = yes ? 2 : 1;
    return yes;
  }
  return bracket(s.pat, s.p, String.fromCharCode(chr), 0) >= 0;
}

/** Does token t (not a star) match the character? */
function one(g: Glob, t: number, chr: number, bracket: BracketFn): boolean {
  const k = g.kind[t];
  if (k === LIT) return g.arg[t] === chr;
  if (k === ANY) return true;
  return inSet(g.sets[g.arg[t]], chr, bracket);
}

/** Does str[from, to) match the whole pattern? Backtracks only to the latest `*`. */
export function globMatch(g: Glob, str: string, from: number, to: number, bracket: BracketFn): boolean {
  const m = g.kind.length;
  let p = 0;
  let q = from;
  let starP = -1;
  let starQ = 0;
  let steps = 0;
  for (;;) {
    steps++;
    if (p < m) {
      if (g.kind[p] === STAR) {
        starP = ++p;
        starQ = q;
        // A literal after the star: skip to its next occurrence, as dash does.
        if (p < m && g.kind[p] === LIT) {
          const want = g.arg[p];
          while (q < to && str.charCodeAt(q) !== want) q++;
          steps += q - starQ;
          starQ = q;
        }
        continue;
      }
      if (q < to && one(g, p, str.charCodeAt(q), bracket)) {
        p++;
        q++;
        continue;
      }
    } else if (q === to) {
      work += steps;
      return true;
    }
    if (starP < 0 || starQ >= to) {
      work += steps;
      return false;
    }
    p = starP;
    q = ++starQ;
  }
}

/**
 * The lengths L of the prefixes str[from, from + L) (or, with `rev`, of the suffixes of str) that match the whole
 * pattern, in one pass: the set of token positions reachable after each character (an NFA over
 * the tokens). Returns the shortest such L, or with `longest` the longest; -1 if none.
 */
export function globAffix(g: Glob, str: string, from: number, rev: boolean, longest: boolean, bracket: BracketFn): number {
  const m = g.kind.length;
  const n = str.length - from;
  let cur = new Int32Array(m + 1);
  let next = new Int32Array(m + 1);
  const seen = new Int32Array(m + 1).fill(-1);
  let steps = 0;
  // Token k of the (possibly reversed) pattern.
  const tok = (k: number): number => (rev ? m - 1 - k : k);
  const add = (list: Int32Array, len: number, k: number, gen: number): number => {
    while (seen[k] !== gen) {
      seen[k] = gen;
      list[len++] = k;
      if (k < m && g.kind[tok(k)] === STAR) k++;
      else break;
    }
    return len;
  };
  let nc = add(cur, 0, 0, 0);
  let best = -1;
  for (let L = 0; ; L++) {
    steps += nc;
    if (seen[m] === L) {
      best = L;
      if (!longest) break;
    }
    if (L === n || nc === 0) break;
    const chr = str.charCodeAt(rev ? str.length - 1 - L : from + L);
    let nn = 0;
    for (let i = 0; i < nc; i++) {
      const k = cur[i];
      if (k === m) continue;
      const t = tok(k);
      if (g.kind[t] === STAR) nn = add(next, nn, k, L + 1);
      else if (one(g, t, chr, bracket)) nn = add(next, nn, k + 1, L + 1);
    }
    const tmp = cur;
    cur = next;
    next = tmp;
    nc = nn;
  }
  work += steps;
  return best;
}
