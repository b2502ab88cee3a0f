// GNU tac 9.1: the records of each file in reverse order. A record ends with the separator
// (-s STRING, a newline by default) or, with -b, begins with it; a last record without its
// separator is printed as it is. -r (a regex separator) is not offered.
import type { ProgramArgs, UserGen } from '../../uapi/syscalls.ts';
import { Output, warn, warnErrno } from './common.ts';
import { readInput } from './inputs.ts';
import { L, parseArgs } from './opts.ts';
import { quote, quotef } from './quote.ts';

/** Reverse the records of `data` split by `sep`. */
export function tacData(data: string, sep: string, before: boolean): string {
  const recs: string[] = [];
  let start = 0;
  for (;;) {
    const i = data.indexOf(sep, before ? start + (start === 0 ? 0 : sep.length) : start);
    if (i < 0) break;
    if (before) {
      if (i > 0) recs.push(data.slice(start, i));
      start = i;
    } else {
      recs.push(data.slice(start, i + sep.length));
      start = i + sep.length;
    }
  }
  if (start < data.length) recs.push(data.slice(start));
  return recs.reverse().join('');
}

export function* tac({ argv }: ProgramArgs): UserGen {
  const long = { before: L('b'), regex: L('r'), separator: L('s', 'required') };
  const p = yield* parseArgs(argv, { short: 'brs:', long }, { name: 'tac' });
  if ('exit' in p) return p.exit;
  let sep = '\n', before = false;
  for (const o of p.opts) {
    if (o.key === 'b') before = true;
    else if (o.key === 's') sep = o.value ?? '';
    else if (o.key === 'r') {
      yield* warn(argv[0], '--regex is not supported here');
      return 1;
    }
  }
  // An empty -s is the C string's terminator: records end with NUL.
  if (sep === '') sep = '\0';
  const out = new Output();
  let status = 0;
  for (const name of p.operands.length ? p.operands : ['-']) {
    const r = yield* readInput(name, argv[0]);
    if ('open' in r) {
      yield* warnErrno(argv[0], `failed to open ${quote(name)} for reading`, r.open);
      status = 1;
      continue;
    }
    if ('read' in r) {
      // tac seeks to the end of a file first: a directory fails there, with EINVAL.
      yield* warn(argv[0], `${quotef(name)}: read error: Invalid argument`);
      status = 1;
      continue;
    }
    yield* out.put(tacData(r.data, sep, before));
  }
  return yield* out.finish(argv[0], status);
}
