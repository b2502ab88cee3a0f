// parse-datetime.y's parser_control and the helpers its grammar actions call:
// digits_to_date_time(), time_zone_hhmm(), apply_relative_time().
import { MER_24, type Tok } from './parse_datetime_lex.ts';

export interface TextInt {
  value: number;
  digits: number;
  negative: boolean;
}

export interface Rel {
  year: number;
  month: number;
  day: number;
  hour: number;
  minutes: number;
  seconds: number;
  ns: number;
}

/** parser_control: what the items set. */
export interface Pc {
  year: TextInt;
  month: number;
  day: number;
  hour: number;
  minutes: number;
  sec: number;
  ns: number;
  meridian: number;
  rel: Rel;
  dayOrdinal: number;
  dayNumber: number;
  timeZone: number;
  timespecSeen: boolean;
  relsSeen: boolean;
  datesSeen: number;
  daysSeen: number;
  timesSeen: number;
  zonesSeen: number;
}

export function zeroRel(): Rel {
  return { year: 0, month: 0, day: 0, hour: 0, minutes: 0, seconds: 0, ns: 0 };
}

export function textInt(t: Tok): TextInt {
  return { value: t.v, digits: t.digits, negative: t.negative };
}

/** apply_relative_time(): PC.rel += FACTOR * R. */
export function applyRel(pc: Pc, r: Rel, factor: number): void {
  const d = pc.rel;
  for (const k of Object.keys(d) as (keyof Rel)[]) d[k] += factor * r[k];
  pc.relsSeen = true;
}

/** set_hhmmss() with the meridian. */
export function setTime(pc: Pc, h: number, m: number, s: number, ns: number, mer: number): void {
  Object.assign(pc, { hour: h, minutes: m, sec: s, ns, meridian: mer });
}

/**
 * digits_to_date_time(): a bare number is the year after a date without one (when a time was
 * seen or it has 3+ digits, and no relative item came yet), else YYYYMMDD (5+ digits), HHMM or HH.
 */
export function digitsToDateTime(pc: Pc, n: Tok): void {
  if (pc.datesSeen && !pc.year.digits && !pc.relsSeen && (pc.timesSeen || n.digits > 2)) {
    pc.year = textInt(n);
  } else if (n.digits > 4) {
    pc.datesSeen++;
    pc.day = n.v % 100;
    pc.month = Math.floor(n.v / 100) % 100;
    pc.year = { value: Math.floor(n.v / 10000), digits: n.digits - 4, negative: false };
  } else {
    pc.timesSeen++;
    if (n.digits <= 2) setTime(pc, n.v, 0, 0, 0, MER_24);
    else setTime(pc, Math.floor(n.v / 100), n.v % 100, 0, 0, MER_24);
  }
}

/** time_zone_hhmm(): seconds east of UTC for HH, HHMM or HH:MM, or null past a day either side. */
export function timeZoneHhmm(s: Tok, mm: number): number | null {
  let v = s.v;
  if (s.digits <= 2 && mm < 0) v *= 100;
  const minutes = mm < 0 ? Math.trunc(v / 100) * 60 + (v % 100) : v * 60 + (s.negative ? -mm : mm);
  return minutes >= -24 * 60 && minutes <= 24 * 60 ? minutes * 60 : null;
}

/** A relunit: N of the unit U (a week is 7 days, a fortnight 14). */
export function unitRel(n: number, u: Tok): Rel {
  const r = zeroRel();
  switch (u.t) {
    case 'YEAR_UNIT': r.year = n; break;
    case 'MONTH_UNIT': r.month = n; break;
    case 'DAY_UNIT': r.day = n * u.v; break;
    case 'HOUR_UNIT': r.hour = n; break;
    case 'MINUTE_UNIT': r.minutes = n; break;
    default: r.seconds = n; break;
  }
  return r;
}
