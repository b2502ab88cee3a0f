// date -d strings against the host's GNU date (coreutils 9.1, gnulib parse_datetime), recorded
// by scripts/record-dates.sh into golden/parse-datetime.json as [input, base, expected, stderr]:
// base is the host clock's second when the case ran, expected "SEC.NS", "SEC" (nanoseconds
// from the clock) or null for "invalid date".
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDateTime, parseDateNs } from '../../src/userland/bin/parse_datetime.ts';
import { timegm } from '../../src/userland/bin/time.ts';
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

/** The recorded answer for INPUT, checked to be what parseDateTime gives too. */
function recorded(input: string): number | null {
  const row = rows.find((r) => r[0] === input);
  if (!row) throw new Error(`not recorded: ${input}`);
  const got = parseDateTime(input, [row[1], CLOCK_NS]);
  expect(got === null ? null : got[0]).toBe(row[2] === null ? null : Number(row[2].split('.')[0]));
  return got === null ? null : got[0];
}

describe('parse-datetime.y behaviours, by name', () => {
  it('bison prefers the shift: after a time, "+1" is its zone, so "10:00 +1 day" is 09:00 UTC plus one day', () => {
    expect(recorded('2024-01-05 10:00 +1 day')).toBe(timegm(2024, 0, 6, 9));
  });
  it('after "5 jan" a number is the year, so "5 jan 10:00" fails at the colon', () => {
    expect(recorded('5 jan 10:00')).toBeNull();
    expect(recorded('jan 5 1230')).toBe(timegm(1230, 0, 5));
  });
  it('relative months and years go through mktime: Jan 31 + 1 month is Mar 2 (2024), Feb 29 + 1 year is Mar 1', () => {
    expect(recorded('2024-01-31 +1 month')).toBe(timegm(2024, 2, 2));
    expect(recorded('2024-02-29 +1 year')).toBe(timegm(2025, 2, 1));
  });
  it('mktime_ok(): a field mktime must normalise is an invalid date (Feb 30, 24:00, 23:59:60)', () => {
    for (const s of ['2024-02-30', '2024-01-05 24:00', '2024-01-05 23:59:60', '2024-01-05 10:60']) expect(recorded(s)).toBeNull();
  });
  it('two-digit years: 69-99 are 19xx, 00-68 are 20xx; one digit is the year itself', () => {
    expect(recorded('1/5/69')).toBe(timegm(1969, 0, 5));
    expect(recorded('1/5/68')).toBe(timegm(2068, 0, 5));
    expect(recorded('1/5/7')).toBe(timegm(7, 0, 5));
  });
  it('12am is midnight, 12pm noon, 0am and 13pm invalid (to_hour)', () => {
    expect(recorded('2024-01-05 12am')).toBe(timegm(2024, 0, 5, 0));
    expect(recorded('2024-01-05 12pm')).toBe(timegm(2024, 0, 5, 12));
    expect(recorded('2024-01-05 0am')).toBeNull();
    expect(recorded('2024-01-05 13pm')).toBeNull();
  });
  it('"second" is a unit, not an ordinal: "second monday" is Monday 00:00:01', () => {
    const monday = recorded('monday');
    expect(recorded('second monday')).toBe((monday ?? 0) + 1);
  });
  it('a day of the week is ignored next to a date; two dates, times or zones are refused', () => {
    expect(recorded('2024-01-05 monday')).toBe(timegm(2024, 0, 5));
    expect(recorded('2024-01-05 10:00 UTC UTC')).toBeNull();
    expect(recorded('monday tuesday')).toBeNull();
  });
  it('zones: named (PDT is -7), military letters, DST adds an hour, "UTC+3" and HH:MM offsets', () => {
    expect(recorded('2024-01-05 10:00 PDT')).toBe(timegm(2024, 0, 5, 17));
    expect(recorded('2024-01-05 10:00 a')).toBe(timegm(2024, 0, 5, 9));
    expect(recorded('2024-01-05 10:00 cet dst')).toBe(timegm(2024, 0, 5, 8));
    expect(recorded('2024-01-05 10:00 UTC+3')).toBe(timegm(2024, 0, 5, 7));
    expect(recorded('2024-01-05 10:00 -05:30')).toBe(timegm(2024, 0, 5, 15, 30));
    expect(recorded('2024-01-05 10:00 j')).toBeNull(); // no J in coreutils 9.1's table
  });
  it('noon and midnight are not words parse_datetime knows', () => {
    for (const s of ['noon', 'midnight', 'xyz']) expect(recorded(s)).toBeNull();
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
  it('a time whose year does not fit tm_year is "out of range" (show_date), not an invalid date', () => {
    const m = boot();
    const r = run(['date', '-d', '@-67768040609740808'], { machine: m });
    expect([r.stdout, r.stderr, r.code]).toEqual(['', "date: time '-67768040609740808' is out of range\n", 1]);
    expect(run(['date', '-d', '@-67768040609740800', '+%Y'], { machine: m }).stdout).toBe('-2147481748\n');
  });
  it('touch -d accepts what parse_datetime accepts', () => {
    const m = boot();
    expect(run(['touch', '-d', 'next friday 2pm', '/tmp/f'], { machine: m }).code).toBe(0);
    const r = run(['touch', '-d', '5 jan 10:00', '/tmp/f'], { machine: m });
    expect([r.code, r.stderr]).toEqual([1, "touch: invalid date format '5 jan 10:00'\n"]);
  });
});
