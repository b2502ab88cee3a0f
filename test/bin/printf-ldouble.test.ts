// GNU printf reads floating-point arguments as x86-64 long doubles (strtold, 64-bit mantissa)
// and prints them exactly: [format, argument, stdout, stderr, status] recorded from coreutils 9.1
// printf on this host (LC_ALL=C), e.g. %.20f of 0.1 is 0.10000000000000000000 and %a of 1 is 0x8p-3.
import { describe, expect, it } from 'vitest';
import { run } from './harness.ts';

const CASES: [string, string, string, string, number][] = [
  ["%.20f", "0.1", "0.10000000000000000000", "", 0],
  ["%.25e", "0.1", "1.0000000000000000000135525e-01", "", 0],
  ["%.21g", "0.1", "0.100000000000000000001", "", 0],
  ["%.17g", "0.1", "0.1", "", 0],
  ["%a", "1", "0x8p-3", "", 0],
  ["%a", "0.1", "0xc.ccccccccccccccdp-7", "", 0],
  ["%a", "255", "0xf.fp+4", "", 0],
  ["%a", "-2.5", "-0xap-2", "", 0],
  ["%a", "1e300", "0xb.f21e44003acdd2dp+993", "", 0],
  ["%a", "0", "0x0p+0", "", 0],
  ["%a", "-0", "-0x0p+0", "", 0],
  ["%.0a", "0xf.8p0", "0x1p+4", "", 0],
  ["%.1a", "0xf.f8p0", "0x1.0p+4", "", 0],
  ["%.0a", "1.5", "0xcp-3", "", 0],
  ["%a", "0x1p-16445", "0x0.000000000000001p-16385", "", 0],
  ["%a", "0x1p-16382", "0x8p-16385", "", 0],
  ["%g", "1e5000", "inf", "printf: '1e5000': Numerical result out of range\n", 1],
  ["%g", "1e-5000", "0", "printf: '1e-5000': Numerical result out of range\n", 1],
  ["%g", "1e4932", "1e+4932", "", 0],
  ["%g", "1.18973149535723176502e+4932", "1.18973e+4932", "", 0],
  ["%g", "1.18973149535723176503e+4932", "1.18973e+4932", "", 0],
  ["%g", "0x1p-16445", "3.6452e-4951", "", 0],
  ["%g", "0x1p-16446", "0", "printf: '0x1p-16446': Numerical result out of range\n", 1],
  ["%g", "3.6e-4951", "3.6452e-4951", "printf: '3.6e-4951': Numerical result out of range\n", 1],
  ["%f", "-nan", "-nan", "", 0],
  ["%f", "nan", "nan", "", 0],
  ["%f", "-inf", "-inf", "", 0],
  ["%.3f", "2.0005", "2.001", "", 0],
  ["%.2f", "2.675", "2.67", "", 0],
  ["%.1f", "0.25", "0.2", "", 0],
  ["%.0f", "2.5", "2", "", 0],
  ["%.0f", "3.5", "4", "", 0],
  ["%e", "123456789012345678901234567890", "1.234568e+29", "", 0],
  ["%.30f", "1e-30", "0.000000000000000000000000000001", "", 0],
  ["%f", "'A", "65.000000", "", 0],
  ["%g", "0x1.fffffffffffffffep0", "2", "", 0],
  ["%g", "0x1.ffffffffffffffff8p0", "2", "", 0],
  ["%.20g", "1.00000000000000000000000000001", "1", "", 0],
  ["%f", "1.5x", "1.500000", "printf: '1.5x': value not completely converted\n", 1],
  ["%f", "abc", "0.000000", "printf: 'abc': expected a numeric value\n", 1],
  ["%Lf", "3", "3.000000", "", 0],
  ["%10.3e", "-0.000123456", "-1.235e-04", "", 0],
  ["%+.4g", "1234567", "+1.235e+06", "", 0],
  ["%#.0f", "2", "2.", "", 0],
  ["%#g", "1", "1.00000", "", 0],
  ["%a", "2e-4951", "0x0.000000000000001p-16385", "printf: '2e-4951': Numerical result out of range\n", 1],
  ["%a", "0x1.23456789abcdef12345p0", "0x9.1a2b3c4d5e6f789p-3", "", 0],
  ["%.3a", "0x1.fffp0", "0xf.ff8p-3", "", 0],
  ["%A", "10", "0XAP+0", "", 0],
];

describe('printf(1) formats long doubles as glibc does', () => {
  it.each(CASES)('printf %s %s', (format, arg, stdout, stderr, status) => {
    const r = run(['printf', format, arg], { env: ['LC_ALL=C', 'PATH=/usr/bin:/bin'] });
    expect({ stdout: r.stdout, stderr: r.stderr, status: r.code }).toEqual({ stdout, stderr, status });
  });
});
