// The Pike VM must give exactly what JavaScript's backtracking RegExp gives (index, length and
// every group) on translate()'s output, and finish on the patterns where backtracking explodes.
import { describe, expect, it } from 'vitest';
import { linearMatcherFor, MAX_PROGRAM, PikeVM } from './pikevm.ts';
import { compileRegex, translate } from './regex.ts';
import type { RegexOptions } from './regex.ts';

const E: RegexOptions = { extended: true };

/** JavaScript's answer: re.lastIndex = from; re.exec(s). */
function jsExec(source: string, s: string, from: number): unknown {
  const re = new RegExp(source, 'g');
  re.lastIndex = from;
  const m = re.exec(s);
  return m ? { index: m.index, end: m.index + m[0].length, groups: Array.from(m) } : null;
}

const PATTERNS: [string, RegexOptions][] = [
  ['(a*)*b', E], ['(a|ab)(c|bcd)(d*)', E], ['((a)|b)*', E], ['(a*)?', E], ['(a*)+', E],
  ['(a|b)*c', E], ['(a*)*', E], ['((a*)*|b)*', E], ['(a?){2,4}', E], ['(a|ab){1,3}b', E],
  ['(x*)(x*)*y', E], ['()*', E], ['(|a)+', E], ['((a)|(b))+', E], ['(a{0,2}){0,2}', E],
  ['([ab]c?)*d', E], ['^(a|b)*$', E], ['\\<(ab|a)+\\>', E], ['\\b(a*)\\B', E], ['(a|b)+$', E],
  ['x(a*|b*)*y', E], ['([^a]*a)*', E], ['(a|.)*b', E], ['(.*)(.*)', E], ['(a+)+c', E],
  ['\\`(a|b)*', E], ["(a|b)*\\'", E], ['[[:alpha:]]+(x|y)*', E], ['A(b|c)*', { extended: true, icase: true }],
  ['\\(a*\\)*b', {}], ['\\(ab\\)\\{2\\}', {}], ['a\\{2,\\}\\(b\\|c\\)', {}], ['\\(a\\|b\\)\\+', {}],
  ['^(a|b)*', { extended: true, multiline: true }], ['(a|b)*$', { extended: true, multiline: true }],
  ['(\\n|a)+', { extended: true, sedEscapes: true }], ['((ab)*c)*', E], ['(a?)*?', E], ['(a|b)?(b|c)?c', E],
  ['(a{1,2}|b){3}', E],
];
const INPUTS = ['', 'a', 'b', 'ab', 'aab', 'abcd', 'aaaa', 'ba ab', 'xaxbx y', 'cab\nbac', 'ABab', 'abcabc', 'aabbaa'];

describe('Pike VM against JavaScript RegExp', () => {
  for (const [p, opts] of PATTERNS) {
    const source = translate(p, opts).source;
    it(`${p} ${JSON.stringify(opts)}`, () => {
      const vm = new PikeVM(source);
      for (const s of INPUTS) {
        for (const from of [0, 1, 3]) {
          if (from > s.length) continue;
          expect([s, from, vm.exec(s, from)]).toEqual([s, from, jsExec(source, s, from)]);
        }
      }
    });
  }

  it('a seeded random table of ERE patterns agrees too', () => {
    let seed = 42;
    const rnd = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const atoms = ['a', 'b', '.', '[ab]', '^', '$', '\\<', '\\>', '\\b', '(a*)*', '(a|b*)+', '()'];
    const gen = (d: number): string => {
      let out = '';
      for (let k = 0; k <= rnd(3); k++) {
        let a = d < 2 && rnd(3) === 0 ? `(${gen(d + 1)}|${gen(d + 1)})` : atoms[rnd(atoms.length)];
        a += ['', '*', '+', '?', `{${rnd(3)},${1 + rnd(3) + 2}}`][rnd(5)];
        out += a;
      }
      return out;
    };
    let compared = 0;
    for (let k = 0; k < 400; k++) {
      const source = translate(gen(0), E).source;
      const vm = new PikeVM(source);
      for (let r = 0; r < 4; r++) {
        let s = '';
        for (let j = rnd(7); j > 0; j--) s += 'ab \n'[rnd(4)];
        expect([source, s, vm.exec(s, 0)]).toEqual([source, s, jsExec(source, s, 0)]);
        compared++;
      }
    }
    expect(compared).toBe(1600);
  });
});

describe('the longest match from a start', () => {
  /** What PosixRegex used to do: the largest j where (?:src)$ matches s.slice(0, j) from index. */
  function tailLongest(source: string, s: string, index: number): unknown {
    const tail = new RegExp(`(?:${source})$`, 'y');
    for (let j = s.length; j >= index; j--) {
      tail.lastIndex = index;
      const w = tail.exec(s.slice(0, j));
      if (w) return { index, end: j, groups: Array.from(w) };
    }
    return null;
  }
  for (const p of ['(a|ab)(c|bcd)(d*)', '(a|ab)*', '(ab|a)(bc|c)?', '((a)|ab)*b?', 'x|(a|b){1,3}', '(a*|b)*c?']) {
    it(p, () => {
      const source = translate(p, E).source;
      const vm = new PikeVM(source);
      for (const s of ['abcd', 'ababab', 'abc', 'aabab', 'xab', 'bbbac']) {
        for (let index = 0; index <= s.length; index++) {
          expect([s, index, vm.longest(s, index)]).toEqual([s, index, tailLongest(source, s, index)]);
        }
      }
    });
  }
});

describe('patterns that backtrack exponentially finish with the right answer', () => {
  const a100 = 'a'.repeat(100);
  it("(a*)*b on 100 a's: no match", () => {
    expect(compileRegex('(a*)*b', E).exec(a100)).toBeNull();
    expect(compileRegex('(a*)*b', E).test(a100)).toBe(false);
  });
  it("(a|aa)*c, (a+)+b, ((a|a)*)*x, \\(a*\\)*b on long runs of a's", () => {
    expect(compileRegex('(a|aa)*c', E).exec('a'.repeat(5000))).toBeNull();
    expect(compileRegex('(a+)+b', E).test(a100 + 'c')).toBe(false);
    expect(compileRegex('((a|a)*)*x', E).exec(a100 + 'y')).toBeNull();
    expect(compileRegex('\\(a*\\)*b', {}).exec(a100)).toBeNull();
  });
  it('a match after a long failing prefix keeps its groups', () => {
    const m = compileRegex('(a*)*b', E).exec(a100 + 'c' + 'aab');
    expect(m).toEqual({ index: 101, end: 104, groups: ['aab', 'aa'] });
  });
  it('leftmost-longest with alternation widens through the VM without a window', () => {
    const s = 'ab'.repeat(5000);
    const m = compileRegex('(a|ab)(b|a)*', E).exec(s);
    expect([m?.index, m?.end]).toEqual([0, s.length]);
  });
  it('grep -x / -w shapes and expr\'s anchor run on the VM too', () => {
    const t = translate('(a*)*b', E);
    expect(linearMatcherFor(`^(?:${t.source})$`)?.exec(a100)).toBeNull();
    expect(linearMatcherFor(`(?<![0-9A-Za-z_])(?:${t.source})(?![0-9A-Za-z_])`)?.exec(a100)).toBeNull();
    expect(linearMatcherFor(`^(?:${t.source})`)?.exec('aab')?.groups).toEqual(['aab', 'aa']);
  });
});

describe('which patterns take the VM', () => {
  const vmFor = (p: string, opts: RegexOptions = E): PikeVM | null => linearMatcherFor(translate(p, opts).source);
  it('nested repetition, repeated alternation and counted groups do', () => {
    for (const p of ['(a*)*', '(a|b)*', 'a**', '(ab){2,3}', '((ab)*c)*d+', '(a?){3}']) expect(vmFor(p), p).not.toBeNull();
  });
  it('single-character repetitions and plain groups stay on JavaScript (fast and exact)', () => {
    for (const p of ['a*b', '[ab]+c', '(ab)*', '(a)+', 'a{1,32767}', 'x(a|b)y', '^.*$']) expect(vmFor(p), p).toBeNull();
  });
  it('back-references stay on JavaScript (a documented limit)', () => {
    expect(vmFor('\\(a*\\)*\\1', {})).toBeNull();
  });
  it(`programs over ${MAX_PROGRAM} instructions stay on JavaScript`, () => {
    expect(vmFor('(ab|c){1,32767}')).toBeNull();
    expect(vmFor('(ab|c){1,100}')).not.toBeNull();
    expect(() => new PikeVM(translate('(ab|c){1,32767}', E).source)).toThrow(/too large/);
  });
});
