import { describe, expect, it } from 'vitest';
import { hasMeta, pmatch, trim } from './pattern.ts';
import { ifsbreakup, fieldText } from './fields.ts';
import type { Seg } from './fields.ts';

describe('pmatch (dash)', () => {
  it.each([
    ['*', '', true], ['*', 'abc', true], ['a*c', 'abbc', true], ['a*c', 'abcd', false], ['?', 'a', true],
    ['?', '', false], ['[abc]', 'b', true], ['[!abc]', 'b', false], ['[a-c]x', 'bx', true],
    ['[^a]', 'a', true], ['[^a]', '^', true], ['[^a]', 'b', false], ['[[:upper:]]*', 'Ab', true],
    ['[[:digit:][:alpha:]]', '5', true], ['[]x]', ']', true], ['[!]x]', 'y', true], ['[a-]', '-', true],
    ['[', '[', true], ['a[', 'a[', true], ['[x', '[x', true], ['\\*', '*', true], ['\\*', 'a', false],
    ['*.txt', '.txt', true], ['a\\', 'a\\', true], ['[[:bogus:]]', '[', false],
  ])('%s vs %s -> %s', (p, s, want) => {
    expect(pmatch(p, s)).toBe(want);
  });
  it('finds meta characters but not escaped ones', () => {
    expect(hasMeta('a\\*')).toBe(false);
    expect(hasMeta('a[')).toBe(true);
  });
  it('trims like dash scanleft/scanright', () => {
    const x = '/usr/local/lib/file.tar.gz';
    expect([trim(x, '*/', '#'), trim(x, '*/', '##'), trim(x, '.*', '%'), trim(x, '.*', '%%')])
      .toEqual(['usr/local/lib/file.tar.gz', 'file.tar.gz', '/usr/local/lib/file.tar', '/usr/local/lib/file']);
    expect(trim('abc', 'x', '#')).toBe('abc');
  });
});

describe('ifsbreakup (dash)', () => {
  const split = (segs: Seg[], ifs: string | null = ' \t\n'): string[] => ifsbreakup(segs, ifs, true).map(fieldText);
  const u = (s: string): Seg => ({ s, q: false, split: true });
  const q = (s: string): Seg => ({ s, q: true, split: false });
  it.each([
    [[u(' a  b ')], ' \t\n', ['a', 'b']],
    [[u('a::b:')], ':', ['a', '', 'b']],
    [[u(':a')], ':', ['', 'a']],
    [[u(' a : b : ')], ' :', ['a', 'b']],
    [[u('a  :  : b')], ' :', ['a', '', 'b']],
    [[u('a b')], '', ['a b']],
    [[u('')], ' ', []],
    [[q(''), u(' a')], ' ', ['', 'a']],
    [[q('x'), u(' y '), q('z')], ' ', ['x', 'y', 'z']],
    [[u('a\0\0b')], ':', ['a', 'b']],
  ] as [Seg[], string, string[]][])('%j with IFS %j', (segs, ifs, want) => {
    expect(split(segs, ifs)).toEqual(want);
  });
  it('keeps "$@" parameters apart, empty ones too', () => {
    const segs: Seg[] = [{ s: 'a', q: true, split: false, keep: true }, { s: '', q: true, split: false, brk: true },
      { s: '', q: true, split: false, keep: true }];
    expect(split(segs)).toEqual(['a', '']);
  });
});

describe('extended patterns (bash extglob)', () => {
  it('matches ?() *() +() @() !() groups', async () => {
    const { pmatch } = await import('./pattern.ts');
    expect(pmatch('a@(b|c)d', 'acd', true)).toBe(true);
    expect(pmatch('a@(b|c)d', 'aed', true)).toBe(false);
    expect(pmatch('*(ab)', 'ababab', true)).toBe(true);
    expect(pmatch('+(ab)', '', true)).toBe(false);
    expect(pmatch('?(x)y', 'y', true)).toBe(true);
    expect(pmatch('!(*.o)', 'a.c', true)).toBe(true);
    expect(pmatch('!(*.o)', 'a.o', true)).toBe(false);
    expect(pmatch('+([0-9]).+([0-9])', '12.5', true)).toBe(true);
    // Without ext the group is literal text for dash's pmatch.
    expect(pmatch('@(x)', '@(x)')).toBe(true);
    expect(pmatch('\\@\\(x\\)', '@(x)', true)).toBe(true);
  });
});
