// GNU fold 9.1: lines broken so that none is wider than -w columns (80). Columns are counted as
// adjust_column() does (backspace back one, carriage return to 0, tab to the next multiple of 8)
// unless -b counts bytes; -s breaks after the last blank that fits. "-N" is the old form of -w N.
import { EOVERFLOW, ERANGE, strerror } from '../../uapi/errno.ts';
import type { ProgramArgs, UserGen } from '../../uapi/syscalls.ts';
import { Output, warn, warnErrno } from './common.ts';
import { forEachPiece } from './inputs.ts';
import { L, parseArgs } from './opts.ts';
import { quoteC, quotef } from './quote.ts';

const TAB = 8;

function adjust(col: number, c: string, bytes: boolean): number {
  if (bytes) return col + 1;
  if (c === '\b') return col > 0 ? col - 1 : 0;
  if (c === '\r') return 0;
  if (c === '\t') return col + TAB - (col % TAB);
  return col + 1;
}

/** fold_file() over a whole input. */
export function foldData(data: string, width: number, bytes: boolean, spaces: boolean): string {
  let out = '', line = '', col = 0;
  for (let i = 0; i < data.length; i++) {
    const c = data[i];
    if (c === '\n') {
      out += line + c;
      line = '';
      col = 0;
      continue;
    }
    for (;;) {
      col = adjust(col, c, bytes);
      if (col <= width) {
        line += c;
        break;
      }
      if (spaces) {
        const j = Math.max(line.lastIndexOf(' '), line.lastIndexOf('\t'));
        if (j >= 0) {
          out += line.slice(0, j + 1) + '\n';
          line = line.slice(j + 1);
          col = 0;
          for (const ch of line) col = adjust(col, ch, bytes);
          continue;
        }
      }
      if (line === '') {
        line = c;
        break;
      }
      out += line + '\n';
      line = '';
      col = 0;
    }
  }
  return out + line;
}

/** xdectoumax(s, 1, SIZE_MAX - TAB_WIDTH - 1): the width, or the message for a bad one. */
function parseWidth(s: string): number | string {
  const m = /^[ \t\n\v\f\r]*\+?(\d+)$/.exec(s);
  if (!m) return `invalid number of columns: ${quoteC(s)}`;
  const v = BigInt(m[1]);
  if (v < 1n) return `invalid number of columns: ${quoteC(s)}: ${strerror(ERANGE)}`;
  if (v > (1n << 64n) - 1n - 9n) return `invalid number of columns: ${quoteC(s)}: ${strerror(EOVERFLOW)}`;
  return Number(v);
}

export function* fold({ argv }: ProgramArgs): UserGen {
  const long = { bytes: L('b'), spaces: L('s'), width: L('w', 'required') };
  const p = yield* parseArgs(argv, { short: 'bsw:0::1::2::3::4::5::6::7::8::9::', long }, { name: 'fold' });
  if ('exit' in p) return p.exit;
  let width = 80, bytes = false, spaces = false;
  for (const o of p.opts) {
    if (o.key === 'b') bytes = true;
    else if (o.key === 's') spaces = true;
    else {
      const w = parseWidth(o.key === 'w' ? o.value ?? '' : o.key + (o.value ?? ''));
      if (typeof w === 'string') {
        yield* warn(argv[0], w);
        return 1;
      }
      width = w;
    }
  }
  const out = new Output();
  let status = 0;
  for (const name of p.operands.length ? p.operands : ['-']) {
    // Lines are folded on their own, so each is written as soon as it has been read.
    const r = yield* forEachPiece(name, argv[0], '\n', function* (piece) {
      yield* out.put(foldData(piece, width, bytes, spaces));
    });
    if (!('data' in r)) {
      yield* warnErrno(argv[0], quotef(name), 'open' in r ? r.open : r.read);
      status = 1;
      continue;
    }
  }
  return yield* out.finish(argv[0], status);
}
