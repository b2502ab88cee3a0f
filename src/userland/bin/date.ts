// GNU date 9.1 over clock_gettime(CLOCK_REALTIME) in virtual time (UTC: the machine has no
// zoneinfo): +FORMAT, -d (gnulib parse_datetime, parse_datetime.ts), -r FILE,
// -R, -I[TIMESPEC], --rfc-3339, --resolution, --debug (its parser traces only for -d @SECONDS:
// other -d forms with --debug are refused). Setting the clock is refused: there is no
// settimeofday here.
import type { ProgramArgs, UserGen } from '../../uapi/syscalls.ts';
import { stat } from '../lib/sys.ts';
import { writeAll } from '../lib/io.ts';
import { readInput } from './inputs.ts';
import { Output, getenv, tryHelp, warn, warnErrno } from './common.ts';
import { L, parseArgs } from './opts.ts';
import { quote, quoteC, quotef } from './quote.ts';
import { parseDateNs, parseDateTime } from './parse_datetime.ts';
import { bootEpochSec, epochOf, nowEpoch, strftime } from './time.ts';

const LONG = {
  date: L('d', 'required'), reference: L('r', 'required'), 'rfc-email': L('R'), 'rfc-2822': L('R'), 'iso-8601': L('I', 'optional'),
  'rfc-3339': L('rfc-3339', 'required'), set: L('s', 'required'), utc: L('u'), universal: L('u'), file: L('f', 'required'),
  debug: L('debug'), resolution: L('resolution'), 'rfc-822': L('R'),
};

/** parse_datetime2()'s PARSE_DATETIME_DEBUG lines for "@SECONDS", the one form traced here. */
function atDebug(prog: string, v: [number, number], tz: string | undefined): string {
  const ymd = strftime('%Y-%m-%d %H:%M:%S', v[0]);
  return [`parsed number of seconds part: number of seconds: ${v[0]}`, "input timezone: '@timespec' - always UTC",
    `timezone: ${tz === undefined ? 'system default' : `TZ="${tz}" environment value`}`,
    `final: ${v[0]}.${String(v[1]).padStart(9, '0')} (epoch-seconds)`, `final: (Y-M-D) ${ymd} (UTC)`, `final: (Y-M-D) ${ymd} (UTC+00)`,
  ].map((l) => `${prog}: ${l}\n`).join('');
}

/** parse_datetime() (parse_datetime.ts) with epoch ns: a double, so not exact; date -d itself uses the [sec, ns] form. */
export function parseDate(s: string, nowNs: number): number | null {
  return parseDateNs(s, nowNs);
}

export function* date({ argv, envp }: ProgramArgs): UserGen {
  const p = yield* parseArgs(argv, { short: 'd:f:I::r:Rs:u', long: LONG }, { name: 'date' });
  if ('exit' in p) return p.exit;
  const [nowSec, nowNsec] = yield* nowEpoch();
  // Epoch seconds and nanoseconds, kept apart: epoch ns do not fit a double exactly.
  let when: [number, number] = [nowSec, nowNsec];
  let fmt = '%a %b %e %H:%M:%S %Z %Y';
  let fmtSet = false;
  const debug = p.opts.some((o) => o.key === 'debug');
  // date.c: -d, -f, -r and --resolution each name the date to print; only one may be given.
  const given = new Set(p.opts.map((o) => o.key).filter((k) => k === 'd' || k === 'f' || k === 'r' || k === 'resolution'));
  if (given.size > 1) {
    yield* warn(argv[0], 'the options to specify dates for printing are mutually exclusive');
    yield* tryHelp(argv[0]);
    return 1;
  }
  for (const { key, value } of p.opts) {
    switch (key) {
      case 'resolution': when = [0, 1]; break; // gettime_res(): the clock counts nanoseconds
      case 'f':
        if (debug) {
          yield* warn(argv[0], 'option --debug is not supported here with -f');
          return 1;
        }
        break;
      case 'd': {
        if (debug && !/^\s*@[+-]?\d+(\.\d*)?\s*$/.test(value ?? '')) {
          yield* warn(argv[0], 'option --debug is not supported here with this -d (only @SECONDS is traced)');
          return 1;
        }
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
        if (debug) yield* writeAll(2, atDebug(argv[0], v, getenv(envp, 'TZ')));
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
      case 'R': fmt = '%a, %d %b %Y %H:%M:%S %z'; fmtSet = true; break;
      case 'I': {
        const spec = value ?? 'date';
        fmt = { date: '%Y-%m-%d', hours: '%Y-%m-%dT%H%:z', minutes: '%Y-%m-%dT%H:%M%:z', seconds: '%Y-%m-%dT%H:%M:%S%:z', ns: '%Y-%m-%dT%H:%M:%S,%N%:z' }[spec] ?? '';
        if (!fmt) {
          yield* warn(argv[0], `invalid argument ${quoteC(spec)} for '--iso-8601'`);
          return 1;
        }
        fmtSet = true;
        break;
      }
      case 'rfc-3339':
        fmtSet = true;
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
    if (ops.length === 1 && given.size) {
      yield* warn(argv[0], `the argument ${quoteC(ops[0])} lacks a leading '+';\nwhen using an option to specify date(s), any non-option\n` +
        "argument must be a format string beginning with '+'");
      yield* tryHelp(argv[0]);
      return 1;
    }
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
  const batch = p.opts.find((o) => o.key === 'f')?.value;
  if (ops.length === 1) fmt = ops[0].slice(1);
  // --resolution without a format prints "%s.%N".
  else if (given.has('resolution') && !fmtSet) fmt = '%s.%N';
  if (debug) yield* warn(argv[0], `output format: ${quoteC(fmt)}`);
  const out = new Output();
  if (batch === undefined) {
    yield* out.put(`${strftime(fmt, when[0], when[1])}\n`);
    return yield* out.finish(argv[0], 0);
  }
  // batch_convert(): each line parsed and shown; a bad one is reported and the rest go on.
  const input = yield* readInput(batch, argv[0]);
  if (!('data' in input)) {
    yield* warnErrno(argv[0], batch === '-' ? 'standard input' : quotef(batch), 'open' in input ? input.open : input.read);
    return 1;
  }
  let status = 0;
  const lines = input.data.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  for (const line of lines) {
    const v = parseDateTime(line, [nowSec, nowNsec]);
    if (v === null) {
      yield* out.flush();
      yield* warn(argv[0], `invalid date ${quoteC(line)}`);
      status = 1;
    } else yield* out.put(`${strftime(fmt, v[0], v[1])}\n`);
  }
  return yield* out.finish(argv[0], status);
}
