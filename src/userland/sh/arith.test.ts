import { describe, expect, it } from 'vitest';
import { arith, strtoimax } from './arith.ts';
import { bashArith } from './barith.ts';
import { ShError } from './errors.ts';

function vars(init: Record<string, string> = {}): { get(n: string): string | undefined; set(n: string, v: string): void; m: Record<string, string> } {
  const m = { ...init };
  return { m, get: (n) => m[n], set: (n, v) => { m[n] = v; } };
}
const ev = (s: string, v = vars()): string => arith(s, v).toString();

describe('dash arithmetic', () => {
  it.each([
    ['1 + 2 * 3', '7'], ['(1+2)*3', '9'], ['7/2', '3'], ['-7/2', '-3'], ['-7%3', '-1'], ['1<<4', '16'],
    ['5&3|8', '9'], ['5^3', '6'], ['~5', '-6'], ['!5', '0'], ['!0', '1'], ['3<4', '1'], ['2<=1', '0'],
    ['1&&0', '0'], ['0||2', '1'], ['1?2:3', '2'], ['0?2:3', '3'], ['010', '8'], ['0x1F', '31'],
    ['9223372036854775807+1', '-9223372036854775808'], ['- -4', '4'], ['+5', '5'], ['1 << 63', '-9223372036854775808'],
    ['2 + 3 * 4 - 5 / 2 % 3', '12'], ['-1 >> 1', '-1'],
  ])('%s = %s', (e, want) => {
    expect(ev(e)).toBe(want);
  });
  it('reads and assigns variables', () => {
    const v = vars({ x: '5', y: '010', z: ' 12 ' });
    expect(ev('x*=2', v)).toBe('10');
    expect(v.m.x).toBe('10');
    expect(ev('y + z', v)).toBe('20');
    expect(ev('u + 1', v)).toBe('1');
    expect(ev('a = b = 3', v)).toBe('3');
    expect([v.m.a, v.m.b]).toEqual(['3', '3']);
  });
  it('does not evaluate the unused side of && || ?:', () => {
    const v = vars();
    expect(ev('0 && (q = 1)', v)).toBe('0');
    expect(ev('1 ? 2 : 1/0', v)).toBe('2');
    expect(v.m.q).toBeUndefined();
  });
  it.each([
    ['1/0', 'arithmetic expression: division by zero: "1/0"'],
    ['1/0+', 'arithmetic expression: division by zero: "1/0+"'],
    ['1 +', 'arithmetic expression: expecting primary: "1 +"'],
    [' 09 ', 'arithmetic expression: expecting EOF: " 09 "'],
    ['(1', 'arithmetic expression: expecting \')\': "(1"'],
    ['1 ? 2', 'arithmetic expression: expecting \':\': "1 ? 2"'],
    ['x + 1', 'Illegal number: abc'],
  ])('error %s', (e, msg) => {
    expect(() => ev(e, vars({ x: 'abc' }))).toThrow(new ShError(msg));
  });
  it('parses numbers like strtoimax(…, 0)', () => {
    expect(strtoimax(' -0x10z', 0, 0)).toEqual({ value: -16n, end: 6, erange: false });
    expect(strtoimax('99999999999999999999', 0, 0).erange).toBe(true);
    expect(strtoimax('x', 0, 0).end).toBe(0);
  });
});

describe('bash arithmetic', () => {
  const bv = (s: string, v = vars()): string => bashArith(s, v).toString();
  it.each([
    ['2**10', '1024'], ['-2**2', '4'], ['2**3**2', '512'], ['16#ff', '255'], ['2#101', '5'], ['1, 2', '2'],
    ['7 % 3', '1'], ['1 < 2 && 3', '1'],
  ])('%s = %s', (e, want) => {
    expect(bv(e)).toBe(want);
  });
  it('supports ++ and -- and expression-valued variables', () => {
    const v = vars({ i: '1', e: '1+2' });
    expect(bv('i++', v)).toBe('1');
    expect(bv('++i', v)).toBe('3');
    expect(bv('i--', v)).toBe('3');
    expect(v.m.i).toBe('2');
    expect(bv('e * 2', v)).toBe('6');
  });
  it('reports bash-style errors', () => {
    expect(() => bashArith('1/0', vars())).toThrow('1/0: division by 0 (error token is "0")');
  });
});
