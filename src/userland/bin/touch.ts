// GNU touch 9.1: create missing files (unless -c), update times. The kernel's utimes sets both
// times to "now" only, so -d/-t/-r/-a/-m are accepted but the result is always the current time.
import { EISDIR } from '../../uapi/errno.ts';
import { O_CREAT, O_NOCTTY, O_NONBLOCK, O_WRONLY } from '../../uapi/fcntl.ts';
import type { ProgramArgs, UserGen } from '../../uapi/syscalls.ts';
import { close, open, utimes } from '../lib/sys.ts';
import { tryHelp, warn, warnErrno } from './common.ts';
import { L, parseArgs } from './opts.ts';
import { quote, quoteC } from './quote.ts';
import { parseDateTime } from './parse_datetime.ts';
import { nowEpoch } from './time.ts';

const HELP = 'Usage: touch [OPTION]... FILE...\nUpdate the access and modification times of each FILE to the current time.\n\n' +
  'A FILE argument that does not exist is created empty, unless -c or -h\nis supplied.\n';

const LONG = { 'no-create': L('c'), date: L('d', 'required'), reference: L('r', 'required'), 'no-dereference': L('h'), time: L('time', 'required') };

/** posixtime(): [[CC]YY]MMDDhhmm[.ss] with fields in range. */
function validStamp(s: string): boolean {
  const m = /^(\d{2})?(\d{2})?(\d{2})(\d{2})(\d{2})(\d{2})(?:\.(\d{2}))?$/.exec(s);
  if (!m) return false;
  const [mo, d, h, mi] = [m[3], m[4], m[5], m[6]].map(Number);
  return mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && h <= 23 && mi <= 59 && Number(m[7] ?? 0) <= 60;
}

export function* touch({ argv }: ProgramArgs): UserGen {
  const p = yield* parseArgs(argv, { short: 'acd:fhmr:t:', long: LONG }, { name: 'touch', help: HELP });
  if ('exit' in p) return p.exit;
  const noCreate = p.opts.some((o) => o.key === 'c' || o.key === 'h');
  // The times themselves are not kept (utimes sets "now"), but a date touch.c cannot parse is
  // still refused before any file is touched: get_reldate() for -d, posixtime() for -t.
  // "feb 29" and the like depend on the current date.
  const now: [number, number] = p.opts.some((o) => o.key === 'd') ? yield* nowEpoch() : [0, 0];
  for (const { key, value = '' } of p.opts) {
    if ((key === 'd' && parseDateTime(value, now) === null) || (key === 't' && !validStamp(value))) {
      yield* warn(argv[0], `invalid date format ${quoteC(value)}`);
      return 1;
    }
  }
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
    const r = yield* utimes(file);
    if (r < 0 && !(noCreate && r === -2)) {
      yield* warnErrno(argv[0], `setting times of ${quote(file)}`, r);
      status = 1;
    }
  }
  return status;
}
