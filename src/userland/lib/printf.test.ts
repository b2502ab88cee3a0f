import { describe, expect, it } from 'vitest';
import { convEscapeStr, printf } from './printf.ts';
import type { PrintfOptions } from './printf.ts';
import { echo } from './echo.ts';

const p = (fmt: string, ...args: string[]): string => printf(fmt, args).out;

describe('printf (dash bltin/printf.c)', () => {
  it.each([
    [['%s-%s\\n', 'a', 'b', 'c'], 'a-b\nc-\n'],
    [['%d %i %o %x %X %u', '42', '-7', '8', '255', '255', '-1'], '42 -7 10 ff FF 18446744073709551615'],
    [['%5s|%-5s|%.2s', 'ab', 'ab', 'abcd'], '   ab|ab   |ab'],
    [['%05d|%+d|% d|%-4d|', '42', '42', '42', '7'], '00042|+42| 42|7   |'],
    [['%#x %#o %.3d', '255', '8', '5'], '0xff 010 005'],
    [['%c%c', 'hello', ''], 'h\0'],
    [['%b', 'a\\tb\\0101\\c ignored'], 'a\tbA'],
    [['\\101\\0\\x41'], 'A\0\\x41'],
    [['%d', "'A"], '65'],
    [['%f %.2f %e %g %G', '3.5', '2.345', '1234.5', '0.0001', '1e20'], '3.500000 2.35 1.234500e+03 0.0001 1E+20'],
    [['%.0f %.0f %.3e', '0.5', '1.5', '1234.5'], '0 2 1.234e+03'],
    [['%%%s', 'x'], '%x'],
    [['%*d|%-*d|', '4', '7', '3', '1'], '   7|1  |'],
  ])('%j', (args, want) => {
    const [fmt, ...rest] = args as string[];
    expect(p(fmt, ...rest)).toBe(want);
  });
  it('warns about bad numbers and sets status 1', () => {
    const r = printf('%d|%d|%d\\n', ['abc', '1.5', '99999999999999999999']);
    expect(r.out).toBe('0|1|9223372036854775807\n');
    expect(r.warnings).toEqual(['abc: expected numeric value', '1.5: not completely converted',
      '99999999999999999999: Numerical result out of range']);
    expect(r.status).toBe(1);
  });
  it('stops at \\c in %b and reports bad directives', () => {
    expect(printf('%b%s', ['x\\cy', 'z']).out).toBe('x');
    expect(printf('%z', []).error).toBe('%z: invalid directive');
    expect(printf('%', []).error).toBe('missing format character');
  });
  it('bash adds %q and \\x escapes', () => {
    const bash: PrintfOptions = { numError: (a) => `${a}: invalid number`, dialect: 'bash' };
    expect(printf('%q \\x41', ['a b'], bash).out).toBe('a\\ b A');
  });
  it('decodes %b escapes with \\0nnn', () => {
    expect(convEscapeStr('\\0101\\012x')).toEqual({ text: 'A\nx', stop: false });
  });
});

describe('echo dialects', () => {
  it('dash interprets escapes and only a leading -n', () => {
    expect(echo(['-n', 'a\\tb'], 'dash')).toBe('a\tb');
    expect(echo(['-e', 'x\\cy', 'z'], 'dash')).toBe('-e x');
  });
  it('bash and coreutils need -e, and combine flags', () => {
    expect(echo(['a\\tb'], 'bash')).toBe('a\\tb\n');
    expect(echo(['-ne', 'a\\tb'], 'coreutils')).toBe('a\tb');
    expect(echo(['-x', 'y'], 'bash')).toBe('-x y\n');
  });
});
