// POSIX/GNU regex translation. Expected values were taken from GNU grep 3.8 (LC_ALL=C, grep -o).
import { describe, expect, it } from 'vitest';
import { compileRegex, RegexError, translate } from './regex.ts';
import type { RegexOptions } from './regex.ts';

/** All non-empty matches, left to right, as grep -o prints them. */
function allMatches(pattern: string, input: string, opts: RegexOptions = {}): string[] {
  const re = compileRegex(pattern, opts);
  const out: string[] = [];
  let from = 0;
  while (from <= input.length) {
    const m = re.exec(input, from);
    if (!m) break;
    if (m.end > m.index) out.push(input.slice(m.index, m.end));
    from = m.end > m.index ? m.end : m.end + 1;
  }
  return out;
}
const E = { extended: true };

describe('BRE and ERE as GNU grep reads them', () => {
  const cases: [string, RegexOptions, string, string[]][] = [
    ['*b', {}, 'a*b', ['*b']],
    ['*a', E, '*a', ['a']],
    ['a{', E, 'a{', ['a{']],
    ['a{1', E, 'a{1', ['a{1']],
    ['a{1,2}', E, 'aaa', ['aa', 'a']],
    ['a{,2}', E, 'aaa', ['aa', 'a']],
    ['a\\{,2\\}', {}, 'aaa', ['aa', 'a']],
    ['a^b', {}, 'a^b', ['a^b']],
    ['a$b', {}, 'a$b', ['a$b']],
    ['a^b', E, 'a^b', []],
    ['\\(*a\\)', {}, '*a', ['*a']],
    ['x\\|*a', {}, '*a', ['*a']],
    ['a||b', E, 'ab', ['a', 'b']],
    ['(|a)', E, 'a', ['a']],
    ['\\x', {}, 'x', ['x']],
    ['a+*', E, 'aaa', ['aaa']],
    ['a**', {}, 'aaa', ['aaa']],
    ['a{2}{3}', E, 'aaaaaaa', ['aaaaaa']],
    [')', E, ')', [')']],
    ['a)', E, 'a)', ['a)']],
    ['[]a]', {}, ']', [']']],
    ['[^]a]', {}, 'b', ['b']],
    ['[a-]', {}, '-', ['-']],
    ['a|ab', E, 'abc', ['ab']],
    ['\\(a\\|ab\\)c', {}, 'abc', ['abc']],
    ['\\w\\+', {}, 'ab cd', ['ab', 'cd']],
    ['[[.a.]]', {}, 'a', ['a']],
    ['[[=a=]]', {}, 'a', ['a']],
    ['[\\n]', {}, '\\', ['\\']],
    ['\\{1\\}', {}, '{1}', ['{1}']],
    ['^*', {}, '*', ['*']],
    ['(a)\\1', E, 'aa', ['aa']],
    ['\\<a', {}, 'ba a', ['a']],
    ['a\\>', {}, 'ab a', ['a']],
    ['\\bx', {}, 'ax x', ['x']],
    ['x\\{0\\}y', {}, 'xy', ['y']],
    ['b(^a)', E, 'ba', []],
    ['\\(a\\|b\\)*', {}, 'abba', ['abba']],
    ['a\\?', {}, 'a', ['a']],
    ['a\\+', E, 'a+', ['a+']],
    ['[[:digit:]]\\+', {}, 'ab12c345', ['12', '345']],
    ['[[:upper:]]', { icase: true }, 'aB', ['a', 'B']],
    ['abc', { icase: true }, 'xAbC', ['AbC']],
    ['.', {}, '\xe9', ['\xe9']],
  ];
  for (const [pat, opts, input, want] of cases) {
    it(`${opts.extended ? 'ERE' : 'BRE'} ${JSON.stringify(pat)} on ${JSON.stringify(input)}`, () => {
      expect(allMatches(pat, input, opts)).toEqual(want);
    });
  }
});

describe('GNU regcomp error messages', () => {
  const errors: [string, RegexOptions, string][] = [
    ['a\\{1', {}, 'Unmatched \\{'],
    ['a\\{1,2', {}, 'Unmatched \\{'],
    ['[[:foo:]]', {}, 'Invalid character class name'],
    ['[a', {}, 'Unmatched [, [^, [:, [., or [='],
    ['a\\', {}, 'Trailing backslash'],
    ['(', E, 'Unmatched ( or \\('],
    ['\\)', {}, 'Unmatched ) or \\)'],
    ['\\(', {}, 'Unmatched ( or \\('],
    ['a{2,1}', E, 'Invalid content of \\{\\}'],
    ['\\1', {}, 'Invalid back reference'],
    ['\\(a\\)\\2', {}, 'Invalid back reference'],
    ['a{99999}', E, 'Regular expression too big'],
    ['[z-a]', {}, 'Invalid range end'],
    ['[[.space.]]', {}, 'Invalid collation character'],
    ['[[:alpha:]-z]', {}, 'Invalid range end'],
    ['[a-[:alpha:]]', {}, 'Invalid range end'],
  ];
  for (const [pat, opts, msg] of errors) {
    it(`${JSON.stringify(pat)} -> ${msg}`, () => {
      expect(() => compileRegex(pat, opts)).toThrow(new RegexError(msg));
    });
  }
  it('warns about a leading repetition operator in ERE, as grep does', () => {
    expect(translate('*a', E).warnings).toEqual(['* at start of expression']);
  });
});

describe('dialects', () => {
  it('sed escapes make bytes: \\t \\n \\x41 \\o101 \\d65 \\cA', () => {
    expect(allMatches('a\\tb', 'a\tb', { sedEscapes: true })).toEqual(['a\tb']);
    expect(allMatches('\\x41\\o101\\d065', 'AAA', { sedEscapes: true })).toEqual(['AAA']);
    expect(allMatches('\\cA', '\x01', { sedEscapes: true })).toEqual(['\x01']);
  });
  it('sed M flag: ^ and $ at embedded newlines', () => {
    expect(allMatches('^b$', 'a\nb\nc', { multiline: true })).toEqual(['b']);
    expect(allMatches('^b$', 'a\nb\nc')).toEqual([]);
  });
  it('. and [^a] match a newline (sed pattern space)', () => {
    expect(allMatches('a.b', 'a\nb')).toEqual(['a\nb']);
  });
  it('awk: \\/ and octal escapes, no back-references, \\w is a plain w', () => {
    expect(allMatches('a\\/b', 'a/b', { awk: true })).toEqual(['a/b']);
    expect(allMatches('\\1', 'x\x01', { awk: true })).toEqual(['\x01']);
    expect(allMatches('\\w', 'aw', { awk: true })).toEqual(['w']);
  });
  it('leftmost-longest across alternatives, with groups from the longest match', () => {
    const m = compileRegex('(b|bc)(d|cd)?', E).exec('abcd')!;
    expect([m.index, m.end]).toEqual([1, 4]);
  });
});
