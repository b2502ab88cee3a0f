// GNU nl 9.1: lines numbered by section (header, body, footer, switched by lines of "\:\:\:",
// "\:\:", "\:" that print as empty lines and restart the numbers unless -p). Styles a (all),
// t (non-empty, the body's default), n (none), pBRE; formats ln, rn (default), rz; width 6 and a
// TAB separator by default. Unnumbered lines get as many spaces as the number and separator.
import type { ProgramArgs, UserGen } from '../../uapi/syscalls.ts';
import { RegexError, compileRegex } from '../text/regex.ts';
import type { PosixRegex } from '../text/regex.ts';
import { strerror, ERANGE } from '../../uapi/errno.ts';
import { Output, tryHelp, warn, warnErrno } from './common.ts';
import { forEachPiece } from './inputs.ts';
import { L, parseArgs } from './opts.ts';
import { quoteC, quotef } from './quote.ts';

interface Style { kind: string; re?: PosixRegex }

const INTMAX = 2n ** 63n - 1n;

/** xdectoimax(): a decimal in [min, max], or the error suffix. */
function decimal(s: string, min: bigint, max: bigint): bigint | string {
  const m = /^[ \t\n\v\f\r]*([+-]?\d+)$/.exec(s);
  if (!m) return '';
  const v = BigInt(m[1]);
  if (v < min || v > max) return `: ${strerror(ERANGE)}`;
  return v;
}

export function* nl({ argv }: ProgramArgs): UserGen {
  // nl.c longopts, in its order.
  const long = {
    'header-numbering': L('h', 'required'), 'body-numbering': L('b', 'required'), 'footer-numbering': L('f', 'required'),
    'starting-line-number': L('v', 'required'), 'line-increment': L('i', 'required'), 'no-renumber': L('p'),
    'join-blank-lines': L('l', 'required'), 'section-delimiter': L('d', 'required'), 'number-separator': L('s', 'required'),
    'number-width': L('w', 'required'), 'number-format': L('n', 'required'),
  };
  const p = yield* parseArgs(argv, { short: 'b:d:f:h:i:l:n:ps:v:w:', long }, { name: 'nl' });
  if ('exit' in p) return p.exit;
  const styles: Record<string, Style> = { h: { kind: 'n' }, b: { kind: 't' }, f: { kind: 'n' } };
  let start = 1n, incr = 1n, join = 1n, width = 6, format = 'rn', renumber = true, sep = '\t', delim = '\\:';
  const names: Record<string, string> = { b: 'body', h: 'header', f: 'footer' };
  for (const o of p.opts) {
    const v = o.value ?? '';
    if (o.key === 'b' || o.key === 'h' || o.key === 'f') {
      if (/^[atn]$/.test(v)) styles[o.key] = { kind: v };
      else if (v[0] === 'p') {
        try {
          styles[o.key] = { kind: 'p', re: compileRegex(v.slice(1)) };
        } catch (e) {
          if (!(e instanceof RegexError)) throw e;
          yield* warn(argv[0], e.message);
          return 1;
        }
      } else {
        yield* warn(argv[0], `invalid ${names[o.key]} numbering style: ${quoteC(v)}`);
        yield* tryHelp(argv[0]);
        return 1;
      }
    } else if (o.key === 'n') {
      if (!['ln', 'rn', 'rz'].includes(v)) {
        yield* warn(argv[0], `invalid line numbering format: ${quoteC(v)}`);
        yield* tryHelp(argv[0]);
        return 1;
      }
      format = v;
    } else if (o.key === 'p') renumber = false;
    else if (o.key === 's') sep = v;
    else if (o.key === 'd') delim = v.length === 1 ? v + ':' : v;
    else {
      const spec = {
        v: ['starting line number', -INTMAX - 1n, INTMAX], i: ['line number increment', -INTMAX - 1n, INTMAX],
        l: ['line number of blank lines', 1n, INTMAX], w: ['line number field width', 1n, 2147483647n],
      }[o.key] as [string, bigint, bigint];
      const n = decimal(v, spec[1], spec[2]);
      if (typeof n === 'string') {
        yield* warn(argv[0], `invalid ${spec[0]}: ${quoteC(v)}${n}`);
        return 1;
      }
      if (o.key === 'v') start = n;
      else if (o.key === 'i') incr = n;
      else if (o.key === 'l') join = n;
      else width = Number(n);
    }
  }
  const out = new Output();
  let status = 0, lineNo = start, section = 'b', blanks = 0n;
  const number = (): string => {
    const neg = lineNo < 0n, digits = (neg ? -lineNo : lineNo).toString();
    let s: string;
    if (format === 'ln') s = (neg ? '-' : '') + digits.padEnd(width - (neg ? 1 : 0));
    else if (format === 'rz') s = (neg ? '-' : '') + digits.padStart(width - (neg ? 1 : 0), '0');
    else s = ((neg ? '-' : '') + digits).padStart(width);
    lineNo += incr;
    return s + sep;
  };
  const noNumber = ' '.repeat(width + sep.length);
  for (const name of p.operands.length ? p.operands : ['-']) {
    // Numbered as read, so `yes | nl | head` ends as with GNU nl.
    const r = yield* forEachPiece(name, argv[0], '\n', function* (piece) {
      const lines = piece.split('\n');
      if (lines[lines.length - 1] === '') lines.pop();
      for (const line of lines) yield* numberLine(line);
    });
    if (!('data' in r)) {
      yield* warnErrno(argv[0], quotef(name), 'open' in r ? r.open : r.read);
      status = 1;
    }
  }
  return yield* out.finish(argv[0], status);

  function* numberLine(line: string): UserGen<void> {
    const which = delim !== '' && line === delim.repeat(3) ? 'h' : delim !== '' && line === delim.repeat(2) ? 'b' : delim !== '' && line === delim ? 'f' : '';
    if (which) {
      section = which;
      if (renumber) lineNo = start;
      yield* out.put('\n');
      return;
    }
    const st = styles[section];
    let prefix: string;
    if (st.kind === 'a') {
      if (join > 1n) {
        if (line !== '' || ++blanks === join) {
          prefix = number();
          blanks = 0n;
        } else prefix = noNumber;
      } else prefix = number();
    } else if (st.kind === 't') prefix = line !== '' ? number() : noNumber;
    else if (st.kind === 'p') prefix = st.re!.test(line) ? number() : noNumber;
    else prefix = noNumber;
    yield* out.put(`${prefix}${line}\n`);
  }
}
