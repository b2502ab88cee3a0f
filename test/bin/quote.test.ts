// gnulib quoting in the C locale, against GNU ls/cat/mkdir messages recorded on Debian 12:
// quoteaf (ls "cannot access"), quotef (cat), quote() (mkdir "cannot create directory").
import { describe, expect, it } from 'vitest';
import { quote, quoteC, quotef, shellEscape } from '../../src/userland/bin/quote.ts';

describe('quoteaf (shell-escape-always)', () => {
  it.each([
    ['a=b', "'a=b'"], ['a{b', "'a{b'"], ['{', "'{'"], ['~a', "'~a'"], ['a~', "'a~'"], ['#a', "'#a'"],
    ["a'b c", '"a\'b c"'], ['a$b', "'a$b'"], ["a'$b", "'a'\\''$b'"], ['a!b', "'a!b'"], ['\xff', "''$'\\377'"],
    ['a\x01b', "'a'$'\\001''b'"], ['a\n', "'a'$'\\n'"], ['\n', "''$'\\n'"], ["a'b", '"a\'b"'], ["'", '"\'"'],
    ['a"b', "'a\"b'"], ['a\\b', "'a\\b'"], ['\x01\x02', "''$'\\001\\002'"], ['a\x01\x02b', "'a'$'\\001\\002''b'"],
  ])('%j', (name, want) => {
    expect(quote(name)).toBe(want);
  });
});

describe('quotef (shell-escape, colons quoted)', () => {
  it.each([
    ['a{b', 'a{b'], ['{', "'{'"], ['a,b', 'a,b'], ['a:b', "'a:b'"], ['a@b', 'a@b'], ['a%b', 'a%b'], ['a+b', 'a+b'],
    ['~a', "'~a'"], ['a~', 'a~'], ['#a', "'#a'"], ['a#', 'a#'], ['a^b', "'a^b'"], ["a'b c", '"a\'b c"'], ['a]', 'a]'],
    ['a*', "'a*'"], ['a&b', "'a&b'"], ['a;', "'a;'"], ['}', "'}'"], ['a}', 'a}'], ['a\tb', "'a'$'\\t''b'"],
  ])('%j', (name, want) => {
    expect(quotef(name)).toBe(want);
  });
  it('printf %q leaves colons alone', () => {
    expect(shellEscape('a:b')).toBe('a:b');
    expect(shellEscape('a b')).toBe("'a b'");
  });
});

describe('quote (locale style in C)', () => {
  it.each([["it's", "'it\\'s'"], ['a\nb', "'a\\nb'"], ['a\\b', "'a\\\\b'"], ['a b', "'a b'"], ['\x01', "'\\001'"]])('%j', (name, want) => {
    expect(quoteC(name)).toBe(want);
  });
});
