// GNU coreutils 9.1 cut: -b/-c/-f LIST, -d, -s, --complement, --output-delimiter, -z, with its
// diagnostics. -c counts bytes, as GNU cut does (it has no multibyte support).
import { OutBuf, RecordReader } from './textio.ts';
import type { TextGen } from './textio.ts';
import { err, fileError } from './textmain.ts';
import { getoptUntilExit, helpText, versionText } from '../bin/opts.ts';

const TRY = "Try 'cut --help' for more information.\n";
type Range = [number, number];

/** Parse "1,3-5,7-" into sorted, merged 1-based ranges; a string is an error message. */
export function parseList(list: string, what: 'fields' | 'bytes'): Range[] | string {
  const ranges: Range[] = [];
  for (const part of list.split(/[,\s]/)) {
    const m = /^(\d*)(-?)(\d*)$/.exec(part);
    const bad = what === 'fields' ? `invalid field value '${part}'` : `invalid byte/character position '${part}'`;
    if (!m || (m[1] === '' && m[3] === '' )) {
      if (part === '-') return 'invalid range with no endpoint: -';
      return bad;
    }
    const lo = m[1] === '' ? 1 : Number(m[1]);
    const hi = m[2] ? (m[3] === '' ? Infinity : Number(m[3])) : lo;
    if (lo === 0 || (m[3] !== '' && Number(m[3]) === 0)) return what === 'fields' ? 'fields are numbered from 1' : 'byte/character positions are numbered from 1';
    if (hi < lo) return 'invalid decreasing range';
    ranges.push([lo, hi]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: Range[] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1] + 1) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

const selected = (ranges: Range[], n: number): boolean => ranges.some(([a, b]) => n >= a && n <= b);

export function* cutMain(argv: readonly string[]): TextGen<number> {
  const L = (key: string, has: 'none' | 'required' = 'none') => ({ key, has });
  const r = getoptUntilExit('cut', argv, {
    short: 'b:c:d:f:snz',
    long: { bytes: L('b', 'required'), characters: L('c', 'required'), delimiter: L('d', 'required'), fields: L('f', 'required'),
      'only-delimited': L('s'), complement: L('complement'), 'output-delimiter': L('O', 'required'), 'zero-terminated': L('z'),
      help: L('help'), version: L('version') },
  });
  if (!r.ok) { yield* err(r.message + TRY); return 1; }
  let mode: 'b' | 'f' | null = null;
  let list = '';
  let delim: string | null = null;
  let outDelim: string | null = null;
  let onlyDelimited = false;
  let complement = false;
  let eol = '\n';
  for (const { key, value = '' } of r.opts) {
    switch (key) {
      case 'b': case 'c': case 'f':
        if (mode) { yield* err(`cut: only one list may be specified\n${TRY}`); return 1; }
        mode = key === 'f' ? 'f' : 'b';
        list = value;
        break;
      case 'd':
        if (value.length > 1) { yield* err(`cut: the delimiter must be a single character\n${TRY}`); return 1; }
        delim = value || '\0';
        break;
      case 's': onlyDelimited = true; break;
      case 'complement': complement = true; break;
      case 'O': outDelim = value; break;
      case 'z': eol = '\0'; break;
      case 'help': yield { op: 'out', fd: 1, data: helpText('cut', argv[0]) }; return 0;
      case 'version': yield { op: 'out', fd: 1, data: versionText('cut') }; return 0;
    }
  }
  if (!mode) { yield* err(`cut: you must specify a list of bytes, characters, or fields\n${TRY}`); return 1; }
  if (mode === 'b' && delim !== null) { yield* err(`cut: an input delimiter may be specified only when operating on fields\n${TRY}`); return 1; }
  if (mode === 'b' && onlyDelimited) { yield* err(`cut: suppressing non-delimited lines makes sense\n\tonly when operating on fields\n${TRY}`); return 1; }
  const ranges = parseList(list, mode === 'f' ? 'fields' : 'bytes');
  if (typeof ranges === 'string') { yield* err(`cut: ${ranges}\n${TRY}`); return 1; }
  const d = delim ?? '\t';
  const od = outDelim ?? (mode === 'f' ? d : '');
  const want = (n: number): boolean => selected(ranges, n) !== complement;
  const out = new OutBuf();
  let status = 0;
  for (const file of r.operands.length ? r.operands : ['-']) {
    const rd = new RecordReader(file, () => out.flush());
    for (;;) {
      const rec = yield* rd.next(eol);
      if (!rec) break;
      const line = rec.text;
      let res: string;
      if (mode === 'b') {
        // Adjacent selected bytes form one piece; --output-delimiter goes between pieces.
        let pieces: string[] = [];
        let cur = '';
        for (let i = 0; i < line.length; i++) {
          if (want(i + 1)) cur += line[i];
          else if (cur) { pieces.push(cur); cur = ''; }
        }
        if (cur) pieces.push(cur);
        if (!outDelim) pieces = [pieces.join('')];
        res = pieces.join(od);
      } else {
        if (!line.includes(d)) {
          if (onlyDelimited) continue;
          res = line;
        } else res = line.split(d).filter((_, i) => want(i + 1)).join(od);
      }
      if (out.add(res + eol)) yield* out.flush();
    }
    if (rd.error) {
      yield* out.flush();
      yield* err(fileError('cut', file, rd.error));
      status = 1;
    }
  }
  yield* out.flush();
  return status;
}
