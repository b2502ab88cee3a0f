// date -d strings against the host's GNU date (coreutils 9.1, gnulib parse_datetime), recorded
// by scripts/record-dates.sh into golden/parse-datetime.json as [input, base, expected, stderr]:
// base is the host clock's second when the case ran, expected "SEC.NS", "SEC" (nanoseconds
// from the clock) or null for "invalid date".
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDateTime, parseDateNs } from '../../src/userland/bin/parse_datetime.ts';
import { boot, run } from './harness.ts';

type Row = [string, number, string | null, string];
const rows = JSON.parse(readFileSync(new URL('./golden/parse-datetime.json', import.meta.url), 'utf8')) as Row[];

/** Nanoseconds of the clock in the tests: the host's own were not recorded. */
const CLOCK_NS = 123456789;

function show(r: [number, number] | null, withNs: boolean): string | null {
  if (r === null) return null;
  return withNs ? `${r[0]}.${String(r[1]).padStart(9, '0')}` : String(r[0]);
}

describe('parse_datetime against GNU date 9.1 (recorded)', () => {
  it('has the recorded cases, valid and invalid', () => {
    expect(rows.length).toBeGreaterThanOrEqual(100);
    expect(rows.filter((r) => r[2] === null).length).toBeGreaterThanOrEqual(20);
  });
  for (const [input, base, expected] of rows) {
    it(`${JSON.stringify(input)} -> ${expected ?? 'invalid'}`, () => {
      const got = parseDateTime(input, [base, CLOCK_NS]);
      expect(show(got, expected?.includes('.') ?? false)).toBe(expected);
    });
  }
  it('keeps the clock nanoseconds where GNU does ("now", relative times without a date)', () => {
    expect(parseDateTime('now', [1700000000, CLOCK_NS])).toEqual([1700000000, CLOCK_NS]);
    expect(parseDateTime('+1 hour', [1700000000, CLOCK_NS])).toEqual([1700003600, CLOCK_NS]);
    expect(parseDateTime('tomorrow', [1700000000, CLOCK_NS])).toEqual([1700086400, CLOCK_NS]);
    // A date or a day of the week starts at midnight, nanoseconds 0.
    expect(parseDateTime('wednesday', [1700000000, CLOCK_NS])).toEqual([1700006400, 0]);
  });
  it('parseDateNs keeps the nanosecond interface of parseDate', () => {
    expect(parseDateNs('@1700000000', 0)).toBe(1700000000e9);
    expect(parseDateNs('xyz', 0)).toBeNull();
    expect(parseDateNs('1 day ago', 1700000000e9)).toBe(1699913600e9);
  });
});

describe('date -d through the program', () => {
  it('prints recorded absolute dates with their nanoseconds', () => {
    const m = boot();
    const r = run(['date', '-d', '2024-01-05t10:00:00.123456789123z', '+%F %T.%N %z'], { machine: m });
    expect(r.stdout).toBe('2024-01-05 10:00:00.123456789 +0000\n');
    expect(run(['date', '-d', 'Fri, 05 Jan 2024 10:00:00 +0100', '+%s'], { machine: m }).stdout).toBe('1704445200\n');
    expect(run(['date', '-d', '@-1.5', '+%s.%N'], { machine: m }).stdout).toBe('-2.500000000\n');
  });
  it('refuses what GNU refuses, with its message (quote() escapes) and status 1', () => {
    const m = boot();
    for (const [input, , expected, stderr] of rows.filter((x) => x[2] === null)) {
      const r = run(['date', '-d', input], { machine: m });
      expect([input, expected, r.stderr, r.code]).toEqual([input, null, stderr, 1]);
    }
  });
  it('touch -d accepts what parse_datetime accepts', () => {
    const m = boot();
    expect(run(['touch', '-d', 'next friday 2pm', '/tmp/f'], { machine: m }).code).toBe(0);
    const r = run(['touch', '-d', '5 jan 10:00', '/tmp/f'], { machine: m });
    expect([r.code, r.stderr]).toEqual([1, "touch: invalid date format '5 jan 10:00'\n"]);
  });
});
