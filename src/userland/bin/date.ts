// GNU date 9.1 over clock_gettime(CLOCK_REALTIME) in virtual time (UTC: the machine has no
// zoneinfo): +FORMAT, -d (gnulib parse_datetime, parse_datetime.ts), -r FILE,
// -R, -I[TIMESPEC], --rfc-3339. Setting the clock is refused: there is no settimeofday here.
import type { ProgramArgs, UserGen } from '../../uapi/syscalls.ts';
import { stat } from '../lib/sys.ts';
import { Output, tryHelp, warn, warnErrno } from './common.ts';
import { L, parseArgs } from './opts.ts';
import { quote, quoteC } from './quote.ts';
import { parseDateNs, parseDateTime } from './parse_datetime.ts';
import { bootEpochSec, epochOf, nowEpoch, strftime } from './time.ts';

const LONG = {
  date: L('d', 'required'), reference: L('r', 'required'), 'rfc-email': L('R'), 'rfc-2822': L('R'), 'iso-8601': L('I', 'optional'),
  'rfc-3339': L('rfc-3339', 'required'), set: L('s', 'required'), utc: L('u'), universal: L('u'), file: L('f', 'required'),
};

/** parse_datetime() (parse_datetime.ts) with epoch ns: a double, so not exact; date -d itself uses the [sec, ns] form. */
export function parseDate(s: string, nowNs: number): number | null {
  return parseDateNs(s, nowNs);
}

export function* date({ argv }: ProgramArgs): UserGen {
  const p = yield* parseArgs(argv, { short: 'd:f:I::r:Rs:u', long: LONG }, { name: 'date' });
  if ('exit' in p) return p.exit;
  const [nowSec, nowNsec] = yield* nowEpoch();
  // Epoch seconds and nanoseconds, kept apart: epoch ns do not fit a double exactly.
  let when: [number, number] = [nowSec, nowNsec];
  let fmt = '%a %b %e %H:%M:%S %Z %Y';
  for (const { key, value } of p.opts) {
    switch (key) {
      case 'd': {
        const v = parseDateTime(value ?? '', [nowSec, nowNsec]);
        if (v === null) {
          yield* warn(argv[0], `invalid date ${quoteC(value ?? '')}`);
          return 1;
        }
        // show_date(): localtime() fails past tm_year's int range (years -2147481748 and
        // 2147485547; the last second, ...799, is ...800 as a double).
        if (v[0] < -67768040609740800 || v[0] > 67768036191676800) {
          yield* warn(argv[0], `time ${quoteC(BigInt(v[0]).toString())} is out of range`);
          return 1;
        }
        when = v;
        break;
      }
      case 'r': {
        const st = yield* stat(value ?? '');
        if (typeof st === 'number') {
          yield* warnErrno(argv[0], quote(value ?? ''), st);
          return 1;
        }
        when = epochOf(st.mtime, yield* bootEpochSec());
        break;
      }
      case 'R': fmt = '%a, %d %b %Y %H:%M:%S %z'; break;
      case 'I': {
        const spec = value ?? 'date';
        fmt = { date: '%Y-%m-%d', hours: '%Y-%m-%dT%H%:z', minutes: '%Y-%m-%dT%H:%M%:z', seconds: '%Y-%m-%dT%H:%M:%S%:z', ns: '%Y-%m-%dT%H:%M:%S,%N%:z' }[spec] ?? '';
        if (!fmt) {
          yield* warn(argv[0], `invalid argument ${quoteC(spec)} for '--iso-8601'`);
          return 1;
        }
        break;
      }
      case 'rfc-3339':
        fmt = { date: '%Y-%m-%d', seconds: '%Y-%m-%d %H:%M:%S%:z', ns: '%Y-%m-%d %H:%M:%S.%N%:z' }[value ?? ''] ?? '%Y-%m-%d %H:%M:%S%:z';
        break;
      case 's':
        yield* warn(argv[0], 'cannot set date: Operation not permitted');
        return 1;
      default: break;
    }
  }
  const ops = p.operands;
  if (ops.length > 1 || (ops.length === 1 && !ops[0].startsWith('+'))) {
    if (ops.length === 1) {
      // MMDDhhmm[[CC]YY][.ss]: setting the clock, which this kernel does not offer.
      if (/^\d{8}(\d{2}|\d{4})?(\.\d{2})?$/.test(ops[0])) {
        yield* warn(argv[0], 'cannot set date: Operation not permitted');
        return 1;
      }
      yield* warn(argv[0], `invalid date ${quoteC(ops[0])}`);
      return 1;
    }
    yield* warn(argv[0], `extra operand ${quoteC(ops[1])}`);
    yield* tryHelp(argv[0]);
    return 1;
  }
  if (ops.length === 1) fmt = ops[0].slice(1);
  const out = new Output();
  yield* out.put(`${strftime(fmt, when[0], when[1])}\n`);
  return yield* out.finish(argv[0], 0);
}
