import { describe, expect, it } from 'vitest';
import { optionsFromArray, splitModprobeOptions } from './modprobe-opts.ts';
import { parseStrtoul } from './modprobe.ts';

describe('MODPROBE_OPTIONS and parameter joining', () => {
  it('MODPROBE_OPTIONS splits on single spaces; quotes group words', () => {
    expect(splitModprobeOptions('-q -v')).toEqual(['-q', '-v']);
    expect(splitModprobeOptions('-C "/etc/my dir" -v')).toEqual(['-C', '/etc/my dir', '', '-v']);
    expect(splitModprobeOptions("a'b c'd e")).toEqual(['ab cd', 'e']);
    expect(splitModprobeOptions('a  b')).toEqual(['a', '', 'b']);
  });

  it('fact 11: parameters are joined by spaces; a value with a space is double-quoted', () => {
    expect(optionsFromArray(['a=1', 'b=c d', 'e="f g"', 'flag'])).toBe('a=1 b="c d" e="f g" flag');
    expect(optionsFromArray([])).toBeNull();
  });

  it('-w takes what strtoul(..., 0) takes, whole', () => {
    expect(parseStrtoul('100')).toBe(100);
    expect(parseStrtoul('0x10')).toBe(16);
    expect(parseStrtoul('010')).toBe(8);
    expect(parseStrtoul('')).toBeNull();
    expect(parseStrtoul('10ms')).toBeNull();
  });
});
