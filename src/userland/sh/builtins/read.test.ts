import { describe, expect, it } from 'vitest';
import { readSplit } from './read.ts';

const rs = (line: string, ifs: string, n: number, escaped: number[] = []): string[] =>
  readSplit(line, [...line].map((_, i) => escaped.includes(i)), ifs, n);

describe('read field splitting (dash ifsbreakup with maxargs)', () => {
  it('gives the last variable the rest of the line', () => {
    expect(rs('one two three four', ' \t\n', 3)).toEqual(['one', 'two', 'three four']);
  });
  it('drops leading and trailing IFS whitespace', () => {
    expect(rs('  leading and trailing  ', ' \t\n', 1)).toEqual(['leading and trailing']);
  });
  it('keeps non-whitespace delimiters inside the last field', () => {
    expect(rs('a:b:c', ':', 2)).toEqual(['a', 'b:c']);
    expect(rs('x:y:z:', ':', 2)).toEqual(['x', 'y:z:']);
    expect(rs('1,,3', ',', 3)).toEqual(['1', '', '3']);
  });
  it('never splits at escaped characters', () => {
    expect(rs('a b c', ' ', 2, [1])).toEqual(['a b', 'c']);
  });
});
