// gnulib parse_datetime() as GNU date -d and touch -d use it (coreutils 9.1): the items of
// parse_datetime_grammar.ts turned into a time the way parse_datetime_body() does — the
// calendar fields go through mktime (here timegm: the machine's zone is always UTC, it has no
// zoneinfo), a field that mktime has to normalise (Feb 30, 24:00, 23:59:60) is an error, a day
// of the week moves the date forward, relative years/months/days are added to the calendar
// fields and normalised again (Jan 31 + 1 month = Mar 2 or 3), a zone shifts the result, and
// relative hours/minutes/seconds are added last. A leading TZ="..." is skipped: with no zone
// data every TZ is UTC here (a simplification). The local zone's own names (tLOCAL_ZONE, with
// DST) never come up: under TZ=UTC the local name "UTC" is found in the universal table first.
// Numbers past 2^53 lose precision here (JS doubles), where gnulib keeps every time_t digit.
import { tokenize, MER_AM, MER_PM } from './parse_datetime_lex.ts';
import { parseItems } from './parse_datetime_grammar.ts';
import { zeroRel, type Pc } from './parse_datetime_pc.ts';
import { gmtime, timegm, type Tm } from './time.ts';

const INT_MAX = 2 ** 31 - 1;
const INT_MIN = -(2 ** 31);
const fitsInt = (n: number): boolean => n >= INT_MIN && n <= INT_MAX;

/** to_hour(): a 24-hour clock hour, or -1. */
function toHour(h: number, meridian: number): number {
  if (meridian === MER_AM) return h > 0 && h < 12 ? h : h === 12 ? 0 : -1;
  if (meridian === MER_PM) return h > 0 && h < 12 ? h + 12 : h === 12 ? 12 : -1;
  return h >= 0 && h < 24 ? h : -1;
}

/** to_tm_year(): 2-digit years 69-99 are 19xx and 00-68 are 20xx; a negative year counts as positive. */
function toYear(value: number, digits: number): number {
  if (value >= 0 && digits === 2) return value + (value < 69 ? 2000 : 1900);
  return value < 0 ? -value : value;
}

interface Fields {
  year: number;
  mon: number;
  mday: number;
  hour: number;
  min: number;
  sec: number;
}

/** mktime() in UTC: the time and the normalised fields. */
function mktime(f: Fields): [number, Tm] {
  const t = timegm(f.year, f.mon, f.mday, f.hour, f.min, f.sec);
  return [t, gmtime(t)];
}

/** Skips a leading TZ="..." (with \\ and \" escapes); an unclosed one is left to fail as a word. */
function skipTz(s: string): string {
  if (!s.startsWith('TZ="')) return s;
  for (let i = 4; i < s.length; i++) {
    if (s[i] === '\\') {
      i++;
      if (s[i] !== '\\' && s[i] !== '"') return s;
    } else if (s[i] === '"') {
      return s.slice(i + 1);
    }
  }
  return s;
}

/**
 * parse_datetime(): the time S names, as [seconds, nanoseconds] since the epoch, or null when
 * GNU date would say "invalid date". NOW is the current time as [seconds, nanoseconds].
 */
export function parseDateTime(s: string, now: [number, number]): [number, number] | null {
  let p = skipTz(s.replace(/^[ \t\n\v\f\r]+/, '')).replace(/^[ \t\n\v\f\r]+/, '');
  // An empty string is parsed as "0" (midnight today), as documented.
  if (p === '') p = '0';
  const [nowSec, nowNs] = now;
  const cur = gmtime(nowSec);
  const pc: Pc = {
    year: { value: cur.year, digits: 0, negative: false }, month: cur.mon + 1, day: cur.mday,
    hour: cur.hour, minutes: cur.min, sec: cur.sec, ns: nowNs, meridian: 2, rel: zeroRel(),
    dayOrdinal: 0, dayNumber: 0, timeZone: 0, timespecSeen: false, relsSeen: false,
    datesSeen: 0, daysSeen: 0, timesSeen: 0, zonesSeen: 0,
  };
  if (!parseItems(tokenize(p), pc)) return null;
  if (pc.timespecSeen) return [pc.sec, pc.ns];
  if (pc.timesSeen > 1 || pc.datesSeen > 1 || pc.daysSeen > 1 || pc.zonesSeen > 1) return null;

  const f: Fields = { year: toYear(pc.year.value, pc.year.digits), mon: pc.month - 1, mday: pc.day, hour: 0, min: 0, sec: 0 };
  if (!fitsInt(f.year - 1900) || !fitsInt(f.mon) || !fitsInt(f.mday)) return null;
  let ns = pc.ns;
  if (pc.timesSeen || (pc.relsSeen && !pc.datesSeen && !pc.daysSeen)) {
    f.hour = toHour(pc.hour, pc.meridian);
    if (f.hour < 0) return null;
    f.min = pc.minutes;
    f.sec = pc.sec;
  } else {
    ns = 0;
  }
  let [start, tm] = mktime(f);
  // mktime_ok(): any field that had to be normalised makes the date invalid.
  if (tm.sec !== f.sec || tm.min !== f.min || tm.hour !== f.hour || tm.mday !== f.mday || tm.mon !== f.mon || tm.year !== f.year) return null;

  if (pc.daysSeen && !pc.datesSeen) {
    // The Nth such day from today: "next" (1) skips today, "this" (0) does not, "last" is -1.
    const ord = pc.dayOrdinal - (pc.dayOrdinal > 0 && tm.wday !== pc.dayNumber ? 1 : 0);
    const mday = tm.mday + ord * 7 + ((pc.dayNumber - tm.wday + 7) % 7);
    [start, tm] = mktime({ year: tm.year, mon: tm.mon, mday, hour: tm.hour, min: tm.min, sec: tm.sec });
  }

  const r = pc.rel;
  if (r.year || r.month || r.day) {
    const year = tm.year + r.year;
    const mon = tm.mon + r.month;
    const mday = tm.mday + r.day;
    if (!fitsInt(year - 1900) || !fitsInt(mon) || !fitsInt(mday)) return null;
    [start] = mktime({ year, mon, mday, hour: f.hour, min: f.min, sec: f.sec });
  }

  // The zone: local time here is UTC, so the offset is subtracted as is.
  if (pc.zonesSeen) start -= pc.timeZone;

  const sumNs = ns + r.ns;
  const normNs = ((sumNs % 1e9) + 1e9) % 1e9;
  return [start + r.hour * 3600 + r.minutes * 60 + r.seconds + (sumNs - normNs) / 1e9, normNs];
}

/** parseDateTime() with the current time and the result as epoch nanoseconds (a double: not exact). */
export function parseDateNs(s: string, nowNs: number): number | null {
  const sec = Math.floor(nowNs / 1e9);
  const r = parseDateTime(s, [sec, Math.round(nowNs - sec * 1e9)]);
  return r === null ? null : r[0] * 1e9 + r[1];
}
