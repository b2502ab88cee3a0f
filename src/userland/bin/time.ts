// Calendar time for date, ls and stat: gmtime and a GNU strftime (C locale, UTC — the machine
// has no zoneinfo, so TZ is always UTC). File times from stat(2) are virtual ns since boot, so
// tools add the REALTIME-MONOTONIC offset to turn them into epoch times.
import type { UserGen } from '../../uapi/syscalls.ts';
import { clockGettime } from '../lib/sys.ts';

export interface Tm {
  year: number;
  /** 0..11 */
  mon: number;
  mday: number;
  hour: number;
  min: number;
  sec: number;
  /** 0 = Sunday */
  wday: number;
  /** 0..365 */
  yday: number;
}

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** gmtime() for whole seconds since the epoch. */
export function gmtime(t: number): Tm {
  const days = Math.floor(t / 86400);
  let rem = t - days * 86400;
  const hour = Math.floor(rem / 3600);
  rem -= hour * 3600;
  const min = Math.floor(rem / 60);
  const sec = rem - min * 60;
  const wday = (((days + 4) % 7) + 7) % 7;
  // Civil-from-days (Howard Hinnant's algorithm).
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  let year = yoe + era * 400;
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const mday = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const mon = mp < 10 ? mp + 2 : mp - 10;
  if (mon <= 1) year++;
  const cum = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
  const yday = cum[mon] + mday - 1 + (mon > 1 && isLeap(year) ? 1 : 0);
  return { year, mon, mday, hour, min, sec, wday, yday };
}

/** timegm(): seconds since the epoch for a broken-down UTC time (fields may overflow). */
export function timegm(year: number, mon: number, mday: number, hour = 0, min = 0, sec = 0): number {
  const y = year + Math.floor(mon / 12);
  const m = ((mon % 12) + 12) % 12;
  const yy = m <= 1 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = m > 1 ? m - 2 : m + 10;
  const doy = Math.floor((153 * mp + 2) / 5) + mday - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  const days = era * 146097 + doe - 719468;
  return days * 86400 + hour * 3600 + min * 60 + sec;
}

/** ISO 8601 week-based year and week number (%G, %V). */
function isoWeek(tm: Tm): [number, number] {
  const wdayMon = (tm.wday + 6) % 7;
  let year = tm.year;
  let week = Math.floor((tm.yday - wdayMon + 10) / 7);
  if (week < 1) {
    year--;
    const prevDays = isLeap(year) ? 366 : 365;
    week = Math.floor((tm.yday + prevDays - wdayMon + 10) / 7);
  } else if (week > (isLeap(tm.year) ? 366 : 365) / 7 && week === 53) {
    const days = isLeap(tm.year) ? 366 : 365;
    if (tm.yday - wdayMon + 3 >= days) {
      year++;
      week = 1;
    }
  }
  return [year, week];
}

/**
 * GNU strftime in the C locale for UTC, with GNU's flags (- _ 0 ^ #) and field widths.
 * `nsec` feeds %N.
 */
export function strftime(fmt: string, t: number, nsec = 0): string {
  const tm = gmtime(t);
  let out = '';
  for (let i = 0; i < fmt.length; i++) {
    if (fmt[i] !== '%' || i + 1 >= fmt.length) {
      out += fmt[i];
      continue;
    }
    const start = i;
    let j = i + 1;
    let flag = '';
    let upper = false;
    let change = false;
    while ('-_0^#'.includes(fmt[j])) {
      if (fmt[j] === '^') upper = true;
      else if (fmt[j] === '#') change = true;
      else flag = fmt[j];
      j++;
    }
    let width = '';
    while (/\d/.test(fmt[j] ?? '')) width += fmt[j++];
    if (fmt[j] === 'E' || fmt[j] === 'O') j++;
    const conv = fmt[j];
    if (conv === undefined) {
      out += fmt.slice(i);
      break;
    }
    i = j;
    const num = (v: number, w: number, pad: '0' | ' ' = '0'): string => {
      const p = flag === '-' ? '' : flag === '_' ? ' ' : flag === '0' ? '0' : pad;
      const ww = width ? Number(width) : w;
      const s = String(Math.abs(v));
      return (v < 0 ? '-' : '') + (p ? s.padStart(ww - (v < 0 ? 1 : 0), p) : s);
    };
    // gnulib nstrftime: '#' swaps case, which for names means upper case and for %p and %Z lower
    // case; lower case wins over '^' (%^P is "pm").
    const str = (s: string, lower = false): string => {
      const v = lower ? s.toLowerCase() : upper ? s.toUpperCase() : s;
      return width ? v.padStart(Number(width), flag === '0' ? '0' : ' ') : v;
    };
    const name = (s: string): string => str(change ? s.toUpperCase() : s);
    const h12 = tm.hour % 12 || 12;
    switch (conv) {
      case 'a': out += name(DAYS[tm.wday].slice(0, 3)); break;
      case 'A': out += name(DAYS[tm.wday]); break;
      case 'b': case 'h': out += name(MONTHS[tm.mon].slice(0, 3)); break;
      case 'B': out += name(MONTHS[tm.mon]); break;
      case 'c': out += str(strftime('%a %b %e %H:%M:%S %Y', t)); break;
      case 'C': out += num(Math.floor(tm.year / 100), 2); break;
      case 'd': out += num(tm.mday, 2); break;
      case 'D': out += str(strftime('%m/%d/%y', t)); break;
      case 'e': out += num(tm.mday, 2, ' '); break;
      case 'F': out += str(strftime('%Y-%m-%d', t)); break;
      case 'g': out += num(isoWeek(tm)[0] % 100, 2); break;
      case 'G': out += num(isoWeek(tm)[0], 1); break;
      case 'H': out += num(tm.hour, 2); break;
      case 'I': out += num(h12, 2); break;
      case 'j': out += num(tm.yday + 1, 3); break;
      case 'k': out += num(tm.hour, 2, ' '); break;
      case 'l': out += num(h12, 2, ' '); break;
      case 'm': out += num(tm.mon + 1, 2); break;
      case 'M': out += num(tm.min, 2); break;
      case 'n': out += '\n'; break;
      case 'N': {
        const digits = String(nsec).padStart(9, '0');
        out += width ? digits.slice(0, Number(width)).padEnd(Number(width), '0') : digits;
        break;
      }
      case 'q': out += num(Math.floor(tm.mon / 3) + 1, 1); break;
      case 'p': out += str(tm.hour < 12 ? 'AM' : 'PM', change); break;
      case 'P': out += str(tm.hour < 12 ? 'am' : 'pm', true); break;
      case 'r': out += str(strftime('%I:%M:%S %p', t)); break;
      case 'R': out += str(strftime('%H:%M', t)); break;
      case 's': out += num(t, 1); break;
      case 'S': out += num(tm.sec, 2); break;
      case 't': out += '\t'; break;
      case 'T': out += str(strftime('%H:%M:%S', t)); break;
      case 'u': out += num(tm.wday || 7, 1); break;
      case 'U': out += num(Math.floor((tm.yday + 7 - tm.wday) / 7), 2); break;
      case 'V': out += num(isoWeek(tm)[1], 2); break;
      case 'w': out += num(tm.wday, 1); break;
      case 'W': out += num(Math.floor((tm.yday + 7 - ((tm.wday + 6) % 7)) / 7), 2); break;
      case 'x': out += str(strftime('%m/%d/%y', t)); break;
      case 'X': out += str(strftime('%H:%M:%S', t)); break;
      case 'y': out += num(tm.year % 100, 2); break;
      case 'Y': out += num(tm.year, 1); break;
      case 'z': out += '+0000'; break;
      case ':': {
        // %:z, %::z
        let k = i + 1;
        let colons = 1;
        while (fmt[k] === ':') { colons++; k++; }
        if (fmt[k] === 'z') {
          out += colons === 1 ? '+00:00' : colons === 2 ? '+00:00:00' : '+00';
          i = k;
        } else out += '%:';
        break;
      }
      case 'Z': out += str('UTC', change); break;
      case '%': out += '%'; break;
      // An unknown conversion is copied whole, flags and width included (bad_format).
      default: out += str(fmt.slice(start, j + 1));
    }
  }
  return out;
}

/**
 * The epoch second of boot: REALTIME - MONOTONIC, rounded. (Epoch nanoseconds exceed 2^53, so
 * REALTIME itself is only exact to ~256 ns; the kernel boots on a whole second.)
 */
export function* bootEpochSec(): UserGen<number> {
  const real = yield* clockGettime(0);
  const mono = yield* clockGettime(1);
  return Math.round((real - mono) / 1e9);
}

/** A time since boot (ns, as stat(2) and CLOCK_MONOTONIC give it) as exact epoch [sec, nsec]. */
export function epochOf(bootNs: number, bootSec: number): [number, number] {
  const s = Math.floor(bootNs / 1e9);
  return [bootSec + s, Math.round(bootNs - s * 1e9)];
}

/** Now as exact epoch [sec, nsec]. */
export function* nowEpoch(): UserGen<[number, number]> {
  const bootSec = yield* bootEpochSec();
  return epochOf(yield* clockGettime(1), bootSec);
}
