// GNU comm 9.1: two sorted files in three columns (lines only in FILE1, only in FILE2, in both),
// TAB-separated; -1/-2/-3 drop columns. Order is checked as comm.c does: by default a disorder
// is reported only once an unpairable line has been seen, and the status is then 1.
import type { ProgramArgs, UserGen } from '../../uapi/syscalls.ts';
import { Output, twoOperands, warn, warnErrno } from './common.ts';
import { readInput } from './inputs.ts';
import { L, parseArgs } from './opts.ts';
import { quotef } from './quote.ts';

/** memcmp2(): bytes first, then length. */
export const cmpBytes = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function* comm({ argv }: ProgramArgs): UserGen {
  const long = {
    'check-order': L('C'), 'nocheck-order': L('N'), 'output-delimiter': L('D', 'required'), total: L('T'), 'zero-terminated': L('z'),
  };
  const p = yield* parseArgs(argv, { short: '123z', long }, { name: 'comm' });
  if ('exit' in p) return p.exit;
  const show = [true, true, true];
  let check: 'default' | 'on' | 'off' = 'default', sep: string | null = null, total = false, eol = '\n';
  for (const o of p.opts) {
    if (o.key === '1' || o.key === '2' || o.key === '3') show[Number(o.key) - 1] = false;
    else if (o.key === 'C') check = 'on';
    else if (o.key === 'N') check = 'off';
    else if (o.key === 'T') total = true;
    else if (o.key === 'z') eol = '\0';
    else if (o.key === 'D') {
      const v = o.value === '' ? '\0' : o.value ?? '';
      if (sep !== null && sep !== v) {
        yield* warn(argv[0], 'multiple output delimiters specified');
        return 1;
      }
      sep = v;
    }
  }
  if (!(yield* twoOperands(argv[0], p.operands))) return 1;
  const col = sep ?? '\t';
  const files: string[][] = [];
  let stdinLines: string[] | null = null;
  for (const name of p.operands) {
    if (name === '-' && stdinLines) {
      files.push([]);
      continue;
    }
    const r = yield* readInput(name, argv[0]);
    if (!('data' in r)) {
      yield* warnErrno(argv[0], quotef(name), 'open' in r ? r.open : r.read);
      return 1;
    }
    const lines = r.data.split(eol);
    if (lines[lines.length - 1] === '') lines.pop();
    if (name === '-') stdinLines = lines;
    files.push(lines);
  }
  const out = new Output();
  const idx = [0, 0], counts = [0, 0, 0], warned = [false, false];
  let unpairable = false;
  const write = function* (line: string, cls: number): UserGen<void> {
    if (!show[cls - 1]) return;
    let pre = '';
    if (cls >= 2 && show[0]) pre += col;
    if (cls === 3 && show[1]) pre += col;
    yield* out.put(pre + line + eol);
  };
  while (idx[0] < files[0].length || idx[1] < files[1].length) {
    const a = files[0][idx[0]], b = files[1][idx[1]];
    const order = a === undefined ? 1 : b === undefined ? -1 : cmpBytes(a, b);
    if (order === 0) {
      counts[2]++;
      yield* write(b, 3);
    } else {
      unpairable = true;
      if (order < 0) {
        counts[0]++;
        yield* write(a, 1);
      } else {
        counts[1]++;
        yield* write(b, 2);
      }
    }
    for (let i = 0; i < 2; i++) {
      if (!(i === 0 ? order <= 0 : order >= 0)) continue;
      const prev = files[i][idx[i]++];
      const cur = files[i][idx[i]];
      if (cur === undefined || check === 'off' || (check === 'default' && !unpairable) || warned[i]) continue;
      if (cmpBytes(prev, cur) > 0) {
        yield* out.flush();
        yield* warn(argv[0], `file ${i + 1} is not in sorted order`);
        if (check === 'on') return yield* out.finish(argv[0], 1);
        warned[i] = true;
      }
    }
  }
  if (total) yield* out.put(`${counts[0]}${col}${counts[1]}${col}${counts[2]}${col}total${eol}`);
  if (warned[0] || warned[1]) {
    yield* out.flush();
    yield* warn(argv[0], 'input is not in sorted order');
    return yield* out.finish(argv[0], 1);
  }
  return yield* out.finish(argv[0], 0);
}
