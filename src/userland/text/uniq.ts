// GNU coreutils 9.1 uniq: -c -d -D? -u -i -f N -s N -w N -z, INPUT and OUTPUT operands.
import { getoptLong } from './getopt.ts';
import { asciiLower } from './ascii.ts';
import { OutBuf, RecordReader } from './textio.ts';
import type { TextGen } from './textio.ts';
import { err, fileError } from './textmain.ts';

const TRY = "Try 'uniq --help' for more information.\n";

export function* uniqMain(argv: readonly string[]): TextGen<number> {
  const L = (key: string, has: 'none' | 'required' = 'none') => ({ key, has });
  const r = getoptLong('uniq', argv, {
    short: 'cdDf:is:uw:z',
    long: { count: L('c'), repeated: L('d'), 'all-repeated': L('D'), 'skip-fields': L('f', 'required'), 'ignore-case': L('i'),
      'skip-chars': L('s', 'required'), unique: L('u'), 'check-chars': L('w', 'required'), 'zero-terminated': L('z'),
      help: L('help'), version: L('version') },
  });
  if (!r.ok) { yield* err(r.message + TRY); return 1; }
  let count = false, dups = false, uniques = false, icase = false;
  let skipF = 0, skipC = 0, width = Infinity;
  let eol = '\n';
  for (const { key, value = '' } of r.opts) {
    const num = (): number | null => (/^\d+$/.test(value) ? Number(value) : null);
    switch (key) {
      case 'c': count = true; break;
      case 'd': case 'D': dups = true; break;
      case 'u': uniques = true; break;
      case 'i': icase = true; break;
      case 'z': eol = '\0'; break;
      case 'f': case 's': case 'w': {
        const n = num();
        if (n === null) {
          const what = key === 'f' ? 'number of fields to skip' : key === 's' ? 'number of bytes to skip' : 'number of bytes to compare';
          yield* err(`uniq: ${value}: invalid ${what}\n`);
          return 1;
        }
        if (key === 'f') skipF = n; else if (key === 's') skipC = n; else width = n;
        break;
      }
      case 'help': yield { op: 'out', fd: 1, data: 'Usage: uniq [OPTION]... [INPUT [OUTPUT]]\n' }; return 0;
      case 'version': yield { op: 'out', fd: 1, data: 'uniq (GNU coreutils) 9.1\n' }; return 0;
    }
  }
  if (r.operands.length > 2) { yield* err(`uniq: extra operand '${r.operands[2]}'\n${TRY}`); return 1; }
  const input = r.operands[0] ?? '-';
  const output = r.operands[1] ?? null;
  const keyOf = (line: string): string => {
    let p = 0;
    for (let f = 0; f < skipF; f++) {
      while (p < line.length && (line[p] === ' ' || line[p] === '\t')) p++;
      while (p < line.length && line[p] !== ' ' && line[p] !== '\t') p++;
    }
    let k = line.slice(p + skipC);
    if (width !== Infinity) k = k.slice(0, width);
    return icase ? asciiLower(k) : k;
  };
  const out = new OutBuf();
  let text = '';
  const emit = function* (line: string, n: number): TextGen<void> {
    if ((dups && n < 2) || (uniques && n > 1)) return;
    const s = (count ? `${String(n).padStart(7)} ` : '') + line + eol;
    if (output !== null) text += s;
    else if (out.add(s)) yield* out.flush();
  };
  const rd = new RecordReader(input, () => out.flush());
  let prev: string | null = null;
  let prevKey = '';
  let n = 0;
  for (;;) {
    const rec = yield* rd.next(eol);
    if (!rec) break;
    const k = keyOf(rec.text);
    if (prev !== null && k === prevKey) { n++; continue; }
    if (prev !== null) yield* emit(prev, n);
    prev = rec.text;
    prevKey = k;
    n = 1;
  }
  if (rd.error) { yield* err(fileError('uniq', input, rd.error)); return 1; }
  if (prev !== null) yield* emit(prev, n);
  if (output !== null) yield { op: 'write', file: output, data: text, append: false };
  yield* out.flush();
  return 0;
}
