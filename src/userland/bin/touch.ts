// GNU touch 9.1: create missing files (unless -c), set the access and modification times (now,
// -d DATE, -t STAMP, -r FILE; -a/-m/--time pick which) with utimensat(2).
import { EISDIR } from '../../uapi/errno.ts';
import { O_CREAT, O_NOCTTY, O_NONBLOCK, O_WRONLY } from '../../uapi/fcntl.ts';
import type { ProgramArgs, UserGen, UtimeSpec } from '../../uapi/syscalls.ts';
import { close, lstat, open, stat, utimes } from '../lib/sys.ts';
import { writeAll } from '../lib/io.ts';
import { tryHelp, warn, warnErrno } from './common.ts';
import { L, parseArgs } from './opts.ts';
import { quote, quoteC } from './quote.ts';
import { parseDateTime } from './parse_datetime.ts';
import { bootEpochSec, epochOf, gmtime, nowEpoch, timegm } from './time.ts';

const LONG = { 'no-create': L('c'), date: L('d', 'required'), reference: L('r', 'required'), 'no-dereference': L('h'), time: L('time', 'required') };

/** posixtime() with touch's flags: [[CC]YY]MMDDhhmm[.ss] in UTC, YY 69-99 in 19xx; null if invalid. */
function posixtime(s: string, year: number): number | null {
  const m = /^(\d{2})?(\d{2})?(\d{2})(\d{2})(\d{2})(\d{2})(?:\.(\d{2}))?$/.exec(s);
  if (!m) return null;
  let y = year;
  if (m[2] !== undefined) y = Number(m[1]) * 100 + Number(m[2]);
  else if (m[1] !== undefined) y = Number(m[1]) + (Number(m[1]) < 69 ? 2000 : 1900);
  const [mo, d, h, mi] = [m[3], m[4], m[5], m[6]].map(Number);
  const sec = Number(m[7] ?? 0);
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 60) return null;
  const t = timegm(y, mo - 1, d, h, mi, Math.min(sec, 59));
  // mktime() would roll Feb 30 over to March: posixtime() refuses what does not come back.
  return gmtime(t).mday === d ? t + (sec === 60 ? 1 : 0) : null;
}

const TIME_WORDS: Record<string, 'a' | 'm'> = { atime: 'a', access: 'a', use: 'a', mtime: 'm', modify: 'm' };

export function* touch({ argv }: ProgramArgs): UserGen {
  const p = yield* parseArgs(argv, { short: 'acd:fhmr:t:', long: LONG }, { name: 'touch' });
  if ('exit' in p) return p.exit;
  let atime = false, mtime = false, noCreate = false, nofollow = false;
  let date: string | null = null, stamp: string | null = null, ref: string | null = null;
  for (const { key, value = '' } of p.opts) {
    switch (key) {
      case 'a': atime = true; break;
      case 'm': mtime = true; break;
      case 'c': noCreate = true; break;
      case 'h': nofollow = true; noCreate = true; break;
      case 'd': date = value; break;
      case 't': stamp = value; break;
      case 'r': ref = value; break;
      case 'time': {
        const hits = Object.keys(TIME_WORDS).filter((w) => w.startsWith(value));
        const word = TIME_WORDS[value] ?? (hits.length && hits.every((w) => TIME_WORDS[w] === TIME_WORDS[hits[0]]) ? TIME_WORDS[hits[0]] : undefined);
        if (!word || value === '') {
          yield* warn(argv[0], `${hits.length > 1 ? 'ambiguous' : 'invalid'} argument ${quoteC(value)} for '--time'`);
          yield* writeAll(2, "Valid arguments are:\n  - 'atime', 'access', 'use'\n  - 'mtime', 'modify'\n");
          yield* tryHelp(argv[0]);
          return 1;
        }
        if (word === 'a') atime = true;
        else mtime = true;
        break;
      }
      default: break;
    }
  }
  if (!atime && !mtime) atime = mtime = true;
  if ((ref !== null || date !== null) && stamp !== null) {
    yield* warn(argv[0], 'cannot specify times from more than one source');
    yield* tryHelp(argv[0]);
    return 1;
  }
  // touch.c: -r gives each time from the file (-d then moves each from there); -d alone counts from
  // now (get_reldate(), so "feb 29" depends on the year); -t is posixtime().
  let times: [UtimeSpec, UtimeSpec] = ['now', 'now'];
  if (ref !== null) {
    const st = nofollow ? yield* lstat(ref) : yield* stat(ref);
    if (typeof st === 'number') {
      yield* warnErrno(argv[0], `failed to get attributes of ${quote(ref)}`, st);
      return 1;
    }
    const bootSec = yield* bootEpochSec();
    const base = [epochOf(st.atime, bootSec), epochOf(st.mtime, bootSec)];
    const spec: UtimeSpec[] = [];
    for (const b of base) {
      const t = date === null ? b : parseDateTime(date, b);
      if (t === null) {
        yield* warn(argv[0], `invalid date format ${quoteC(date!)}`);
        return 1;
      }
      spec.push({ sec: t[0], nsec: t[1] });
    }
    times = [spec[0], spec[1]];
  } else if (date !== null) {
    const t = parseDateTime(date, yield* nowEpoch());
    if (t === null) {
      yield* warn(argv[0], `invalid date format ${quoteC(date)}`);
      return 1;
    }
    times = [{ sec: t[0], nsec: t[1] }, { sec: t[0], nsec: t[1] }];
  } else if (stamp !== null) {
    const t = posixtime(stamp, gmtime((yield* nowEpoch())[0]).year);
    if (t === null) {
      yield* warn(argv[0], `invalid date format ${quoteC(stamp)}`);
      return 1;
    }
    times = [{ sec: t, nsec: 0 }, { sec: t, nsec: 0 }];
  }
  if (!atime) times[0] = 'omit';
  if (!mtime) times[1] = 'omit';
  if (!p.operands.length) {
    yield* warn(argv[0], 'missing file operand');
    yield* tryHelp(argv[0]);
    return 1;
  }
  let status = 0;
  for (const file of p.operands) {
    if (file === '-') continue; // touch - changes standard output's times: nothing to do here
    if (!noCreate) {
      const fd = yield* open(file, O_WRONLY | O_CREAT | O_NONBLOCK | O_NOCTTY, 0o666);
      if (fd >= 0) yield* close(fd);
      else if (fd !== -EISDIR) {
        yield* warnErrno(argv[0], `cannot touch ${quote(file)}`, fd);
        status = 1;
        continue;
      }
    }
    const r = yield* utimes(file, times, nofollow);
    if (r < 0 && !(noCreate && r === -2)) {
      yield* warnErrno(argv[0], `setting times of ${quote(file)}`, r);
      status = 1;
    }
  }
  return status;
}
