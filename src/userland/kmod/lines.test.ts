import { describe, expect, it } from 'vitest';
import { wrappedLines } from './lines.ts';

describe('freadline_wrapped (logical config lines)', () => {
  it('test_freadline_wrapped: the kmod testsuite fixture gives the expected lines and counts', () => {
    const long256 = 'this line has exactly 256 chars to make fun with the implementation, so it must have word after word after word after word after word after word after word after word after word after word after word after word after word after word until it hits 256 chars';
    const long2015 = `this line is very large because it has ${'word after '.repeat(177)}word until it hits 2015 chars`;
    const input = [
      'this is the first line \\',
      'wrapped by one \\\\',
      'this is a single line',
      'three line \\',
      'lines \\',
      'in a row',
      long256,
      long2015,
      'wrapped without newline\\',
    ].join('\n');
    const got = wrappedLines(input).map((l) => [l.text]);
    // The fixture prints each line with the number of physical lines it consumed.
    const counts = wrappedLines(input).map((l, i, all) => l.line - (i ? all[i - 1].line : 0));
    expect(got.map((g) => g[0])).toEqual([
      'this is the first line wrapped by one \\',
      'this is a single line',
      'three line lines in a row',
      long256,
      long2015,
      'wrapped without newline',
    ]);
    expect(counts).toEqual([2, 1, 3, 1, 1, 1]);
  });

  it('fact 10: backslash-x gives x, and an escaped backslash does not continue the line', () => {
    expect(wrappedLines('a\\$b\\\\\nc\n').map((l) => l.text)).toEqual(['a$b\\', 'c']);
  });

  it('fact 10: line numbers name the last physical line of a joined line', () => {
    expect(wrappedLines('x\ny \\\nz\nw\n').map((l) => l.line)).toEqual([1, 3, 4]);
  });

  it('an empty file and a lone continuation at EOF give no line', () => {
    expect(wrappedLines('')).toEqual([]);
    expect(wrappedLines('\\\n')).toEqual([]);
  });
});
