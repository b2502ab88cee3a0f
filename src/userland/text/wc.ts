// GNU coreutils 9.1 wc: -l -w -m -c -L, the column width rule (digits of the regular files'
// total size, at least 7 when a pipe or terminal is counted, 1 for a single count of a single
// file) and the "total" line. C locale: -m counts bytes.
import { RecordReader } from './textio.ts';
import type { TextGen } from './textio.ts';
import { err, fileError, readWhole } from './textmain.ts';
import { strerror } from '../../uapi/errno.ts';
import { getoptUntilExit, helpText, versionText } from '../bin/opts.ts';

const TRY = "Try 'wc --help' for more information.\n";

interface Counts { lines: number; words: number; chars: number; bytes: number; maxlen: number }

export function* wcMain(argv: readonly string[]): TextGen<number> {
  const L = (key: string) => ({ key, has: 'none' as const });
  const r = getoptUntilExit('wc', argv, {
    short: 'clLmw',
    long: { bytes: L('c'), chars: L('m'), lines: L('l'), 'max-line-length': L('L'), words: L('w'), help: L('help'), version: L('version'),
      'files0-from': { key: 'files0-from', has: 'required' } },
  });
  if (!r.ok) { yield* err(r.message + TRY); return 1; }
  const sel = new Set(r.opts.map((o) => o.key));
  if (sel.has('help')) { yield { op: 'out', fd: 1, data: helpText('wc', argv[0]) }; return 0; }
  if (sel.has('version')) { yield { op: 'out', fd: 1, data: versionText('wc') }; return 0; }
  if (!['c', 'l', 'L', 'm', 'w'].some((k) => sel.has(k))) { sel.add('l'); sel.add('w'); sel.add('c'); }
  let files = r.operands.length ? r.operands : ['-'];
  let shown = r.operands.length ? r.operands : [''];
  // --files0-from=F: NUL-terminated names from F instead of operands. A list read from a
  // regular file is read whole and sized like operands; one from a pipe gives no widths.
  const list = r.opts.filter((o) => o.key === 'files0-from').pop()?.value;
  let fromStream = false;
  if (list !== undefined) {
    if (r.operands.length) {
      yield* err(`wc: extra operand '${r.operands[0]}'\nfile operands cannot be combined with --files0-from\n${TRY}`);
      return 1;
    }
    fromStream = ((yield { op: 'size', file: list }) as number) < 0;
    const text = yield* readWhole(list);
    if (typeof text === 'number') { yield* err(`wc: cannot open '${list}' for reading: ${strerror(text)}\n`); return 1; }
    files = text === '' ? [] : (text.endsWith('\0') ? text.slice(0, -1) : text).split('\0');
    shown = files;
  }
  // compute_number_width()
  let width = 1;
  let minWidth = 1;
  let regular = 0;
  for (const f of fromStream ? [] : files) {
    if (f === '') continue;
    const size = (yield { op: 'size', file: f }) as number;
    if (size >= 0) regular += size;
    else if (size === -1) minWidth = 7;
  }
  for (; regular >= 10; regular = Math.floor(regular / 10)) width++;
  width = Math.max(width, minWidth);
  const nCounts = ['c', 'l', 'L', 'm', 'w'].filter((k) => sel.has(k)).length;
  if (nCounts === 1 && files.length === 1) width = 1;
  const fmt = (c: Counts, name: string): string => {
    const cols: number[] = [];
    if (sel.has('l')) cols.push(c.lines);
    if (sel.has('w')) cols.push(c.words);
    if (sel.has('m')) cols.push(c.chars);
    if (sel.has('c')) cols.push(c.bytes);
    if (sel.has('L')) cols.push(c.maxlen);
    return cols.map((n) => String(n).padStart(width)).join(' ') + (name ? ` ${name}` : '') + '\n';
  };
  const total: Counts = { lines: 0, words: 0, chars: 0, bytes: 0, maxlen: 0 };
  let status = 0;
  let out = '';
  for (let i = 0; i < files.length; i++) {
    if (list !== undefined && files[i] === '') {
      yield { op: 'out', fd: 1, data: out };
      out = '';
      yield* err(`wc: ${list}:${i + 1}: invalid zero-length file name\n`);
      status = 1;
      continue;
    }
    const c: Counts = { lines: 0, words: 0, chars: 0, bytes: 0, maxlen: 0 };
    const rd = new RecordReader(files[i]);
    let inWord = false;
    let col = 0;
    while (!(yield* rd.atEnd())) {
      const chunk = rd.pending;
      rd.consume(chunk.length);
      c.bytes += chunk.length;
      for (let k = 0; k < chunk.length; k++) {
        const ch = chunk.charCodeAt(k);
        const space = ch === 32 || (ch >= 9 && ch <= 13);
        if (ch === 10) { c.lines++; if (col > c.maxlen) c.maxlen = col; col = 0; } else if (ch === 9) col += 8 - (col % 8);
        else if (ch === 13 || ch === 12) { if (col > c.maxlen) c.maxlen = col; col = 0; } else if (ch >= 32 && ch < 127) col++;
        if (space) inWord = false;
        else if (!inWord) { inWord = true; c.words++; }
      }
    }
    if (col > c.maxlen) c.maxlen = col;
    c.chars = c.bytes;
    if (rd.error) {
      yield { op: 'out', fd: 1, data: out };
      out = '';
      yield* err(fileError('wc', files[i], rd.error));
      status = 1;
      // wc() still calls write_counts() after a failed read (a directory: EISDIR); only a
      // failed open (wc_file()) prints nothing.
      if (rd.openFailed) continue;
    }
    total.lines += c.lines; total.words += c.words; total.chars += c.chars; total.bytes += c.bytes;
    total.maxlen = Math.max(total.maxlen, c.maxlen);
    out += fmt(c, shown[i]);
  }
  if (files.length > 1) out += fmt(total, 'total');
  if (out) yield { op: 'out', fd: 1, data: out };
  return status;
}
