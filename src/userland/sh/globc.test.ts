// The compiled matcher (globc.ts, extglob.ts) against the recursive matchers it replaced: dash's
// pmatch() ported literally, dash's scanleft/scanright for ${x#p}, and bash's split-everything
// extmatch. Same answers on many generated cases, and time that does not explode.
import { describe, expect, it } from 'vitest';
import { bracketAt, bracketEnd, pmatch, trim } from './pattern.ts';
import { takeWork } from './globc.ts';

/** dash 0.5.12 pmatch(), recursing at every `*` (the reference; exponential). */
function refMatch(pat: string, p: number, str: string, q: number): boolean {
  for (;;) {
    if (p >= pat.length) return q >= str.length;
    let c = pat[p++];
    switch (c) {
      case '\\':
        if (p < pat.length) c = pat[p++];
        if (q >= str.length || str[q++] !== c) return false;
        break;
      case '?':
        if (q >= str.length) return false;
        q++;
        break;
      case '*':
        while (p < pat.length && pat[p] === '*') p++;
        for (;;) {
          if (refMatch(pat, p, str, q)) return true;
          if (q >= str.length) return false;
          q++;
        }
      case '[': {
        const end = bracketEnd(pat, p);
        if (end < 0) {
          if (q >= str.length || str[q++] !== '[') return false;
          break;
        }
        if (q >= str.length || !bracketAt(pat, p, str, q)) return false;
        p = end;
        q++;
        break;
      }
      default:
        if (q >= str.length || str[q++] !== c) return false;
    }
  }
}

/** bash's extmatch before memoisation: every split of the string at every group. */
function refExt(pat: string, s: string): boolean {
  // Only @(a|b) *(..) +(..) ?(..) !(..) over plain alternatives without nesting are generated.
  const m = /^(.*?)([?*+@!])\(([^()]*)\)(.*)$/.exec(pat);
  if (!m) return refMatch(pat, 0, s, 0);
  const [, pre, op, list, post] = m;
  const alts = list.split('|');
  const anyAlt = (t: string): boolean => alts.some((a) => refMatch(a, 0, t, 0));
  const rep = (t: string): boolean => t === '' || [...Array(t.length).keys()].some((k) => anyAlt(t.slice(0, k + 1)) && rep(t.slice(k + 1)));
  const grp = (t: string): boolean => {
    switch (op) {
      case '@': return anyAlt(t);
      case '?': return t === '' || anyAlt(t);
      case '!': return !anyAlt(t);
      case '+': return t !== '' && rep(t);
      default: return rep(t);
    }
  };
  for (let i = 0; i <= s.length; i++) {
    if (!refMatch(pre, 0, s.slice(0, i), 0)) continue;
    for (let j = i; j <= s.length; j++) if (grp(s.slice(i, j)) && refExt(post, s.slice(j))) return true;
  }
  return false;
}

function rng(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return x / 2 ** 32;
  };
}

// Mostly pieces that can match strings of a's and b's, so that about half the pairs match.
const PIECES = ['a', 'b', '*', '?', '[ab]', '[!a]', '[a-b]', 'a', 'b', '*', '?', '*', '[', ']', '\\*', '\\a', '\\',
  '-', '[[:alpha:]]', '[]a]', '[!]b]', '[a-]', '[[:bogus:]]', '**', '^'];
const CHARS = 'ababababab[]-*\\!^z';

describe('compiled patterns give dash pmatch()\'s answers', () => {
  const r = rng(11);
  const pick = <T>(xs: ArrayLike<T>): T => xs[Math.floor(r() * xs.length)];
  const cases: [string, string][] = [];
  for (let i = 0; i < 4000; i++) {
    let pat = '';
    for (let k = Math.floor(r() * 6); k > 0; k--) pat += pick(PIECES);
    let s = '';
    for (let k = Math.floor(r() * 5); k > 0; k--) s += pick(CHARS);
    cases.push([pat, s]);
  }
  it('4000 generated pattern/string pairs: pmatch', () => {
    const wrong = cases.filter(([p, s]) => pmatch(p, s) !== refMatch(p, 0, s, 0));
    expect(wrong).toEqual([]);
    // Both answers are well represented.
    expect(cases.filter(([p, s]) => refMatch(p, 0, s, 0)).length).toBeGreaterThan(400);
  });
  it('the same pairs: ${s#p} ${s##p} ${s%p} ${s%%p} as scanleft/scanright', () => {
    const ref = (v: string, p: string, op: string): string => {
      const n = v.length;
      const m = (t: string): boolean => refMatch(p, 0, t, 0);
      if (op === '#') { for (let i = 0; i <= n; i++) if (m(v.slice(0, i))) return v.slice(i); }
      if (op === '##') { for (let i = n; i >= 0; i--) if (m(v.slice(0, i))) return v.slice(i); }
      if (op === '%') { for (let i = n; i >= 0; i--) if (m(v.slice(i))) return v.slice(0, i); }
      if (op === '%%') { for (let i = 0; i <= n; i++) if (m(v.slice(i))) return v.slice(0, i); }
      return v;
    };
    const wrong: string[] = [];
    for (const [p, s] of cases) {
      for (const op of ['#', '##', '%', '%%'] as const) if (trim(s, p, op) !== ref(s, p, op)) wrong.push(`${s} ${op} ${p}`);
    }
    expect(wrong).toEqual([]);
  });
  it('extended patterns: 3000 generated pairs as bash splits them', () => {
    const wrong: string[] = [];
    let matched = 0;
    for (let i = 0; i < 3000; i++) {
      const alts = Array.from({ length: 1 + Math.floor(r() * 3) }, () => ['a', 'b', 'ab', '*', '?', '', 'a*'][Math.floor(r() * 7)]);
      const pat = `${pick(['', 'a', '*', '?'])}${pick('?*+@!')}(${alts.join('|')})${pick(['', 'b', '*', 'a?'])}`;
      let s = '';
      for (let k = Math.floor(r() * 6); k > 0; k--) s += pick('ab');
      const want = refExt(pat, s);
      if (want) matched++;
      if (pmatch(pat, s, true) !== want) wrong.push(`${pat} ${s}`);
    }
    expect(wrong).toEqual([]);
    expect(matched).toBeGreaterThan(300);
  });
});

describe('patterns that made the recursive matchers exponential', () => {
  const a170 = 'a'.repeat(170);
  it('*a*a*a*a*a*a*a*a*b against 170 a\'s: no match, in O(length x tokens) steps', () => {
    takeWork();
    expect(pmatch('*a*a*a*a*a*a*a*a*b', a170)).toBe(false);
    expect(takeWork()).toBeLessThan(170 * 20);
    expect(pmatch('*a*a*a*a*a*a*a*a*', a170)).toBe(true);
  });
  it('extended: +(a|aa)+(a|aa)+(a|aa)b and *(*(a))b against 60 a\'s', () => {
    const a60 = 'a'.repeat(60);
    takeWork();
    expect(pmatch('+(a|aa)+(a|aa)+(a|aa)b', a60, true)).toBe(false);
    expect(pmatch('*(*(a))b', a60, true)).toBe(false);
    expect(pmatch('*(*(a))', a60, true)).toBe(true);
    expect(takeWork()).toBeLessThan(2_000_000);
  });
  it('${x%%*/} of a 100,000-character value is one pass, not 100,000 matches', () => {
    const x = 'ab/'.repeat(33_333) + 'c';
    takeWork();
    expect(trim(x, '*/', '%%')).toBe(x);
    expect(trim(x, '*/', '##')).toBe('c');
    expect(takeWork()).toBeLessThan(2_000_000);
  });
});
