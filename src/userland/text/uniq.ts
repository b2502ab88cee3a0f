// GNU coreutils 9.1 uniq: -c -d -D[=METHOD] --group[=METHOD] -u -i -f N -s N -w N -z, INPUT and
// OUTPUT operands; the two loops of uniq.c's check_file() and its writeline().
import { asciiLower } from './ascii.ts';
import { OutBuf, RecordReader } from './textio.ts';
import type { TextGen } from './textio.ts';
import { err, fileError } from './textmain.ts';
import { getoptUntilExit, helpText, versionText } from '../bin/opts.ts';

const TRY = "Try 'uniq --help' for more information.\n";

/** quoteaf() for the names a test would use: quoted, a "'" inside as '\''. */
const quoteName = (s: string): string => `'${s.replace(/'/g, "'\\''")}'`;

/** argmatch(): an exact or unambiguous prefix of one of `valid`, or the diagnostic. */
function argmatch(opt: string, arg: string, valid: readonly string[]): string | { message: string } {
  if (valid.includes(arg)) return arg;
  const m = valid.filter((v) => v.startsWith(arg));
  if (m.length === 1 && arg) return m[0];
  return { message: `uniq: ${m.length > 1 && arg ? 'ambiguous' : 'invalid'} argument '${arg}' for '--${opt}'\nValid arguments are:\n` +
    valid.map((v) => `  - '${v}'\n`).join('') + TRY };
}

export function* uniqMain(argv: readonly string[]): TextGen<number> {
  const L = (key: string, has: 'none' | 'required' | 'optional' = 'none') => ({ key, has });
  const r = getoptUntilExit('uniq', argv, {
    short: 'cdDf:is:uw:z',
    long: { count: L('c'), repeated: L('d'), 'all-repeated': L('D', 'optional'), 'skip-fields': L('f', 'required'), 'ignore-case': L('i'),
      'skip-chars': L('s', 'required'), unique: L('u'), 'check-chars': L('w', 'required'), 'zero-terminated': L('z'),
      group: L('group', 'optional'), help: L('help'), version: L('version') },
  });
  if (!r.ok) { yield* err(r.message + TRY); return 1; }
  // uniq.c's flags: which of a group's lines writeline() prints.
  let count = false, outUnique = true, outFirst = true, outLater = false, optionUsed = false, icase = false;
  let delimit = 'none';
  let grouping = 'none';
  let skipF = 0, skipC = 0, width = Infinity;
  let eol = '\n';
  for (const { key, value } of r.opts) {
    switch (key) {
      case 'c': count = true; break;
      case 'd': outUnique = false; optionUsed = true; break;
      case 'D': {
        outUnique = false;
        outLater = true;
        optionUsed = true;
        const m = value === undefined ? 'none' : argmatch('all-repeated', value, ['none', 'prepend', 'separate']);
        if (typeof m !== 'string') { yield* err(m.message); return 1; }
        delimit = m;
        break;
      }
      case 'group': {
        const m = value === undefined ? 'separate' : argmatch('group', value, ['prepend', 'append', 'separate', 'both']);
        if (typeof m !== 'string') { yield* err(m.message); return 1; }
        grouping = m;
        break;
      }
      case 'u': outFirst = false; optionUsed = true; break;
      case 'i': icase = true; break;
      case 'z': eol = '\0'; break;
      case 'f': case 's': case 'w': {
        // size_opt(): xstrtoimax (blanks and a sign allowed), negative refused, overflow clamped.
        const m = /^[ \t\n\v\f\r]*([-+]?)(\d+)$/.exec(value ?? '');
        if (!m || (m[1] === '-' && /[1-9]/.test(m[2]))) {
          const what = key === 'f' ? 'number of fields to skip' : key === 's' ? 'number of bytes to skip' : 'number of bytes to compare';
          yield* err(`uniq: ${value}: invalid ${what}\n`);
          return 1;
        }
        const n = Number(m[2]);
        if (key === 'f') skipF = n; else if (key === 's') skipC = n; else width = n;
        break;
      }
      case 'help': yield { op: 'out', fd: 1, data: helpText('uniq', argv[0]) }; return 0;
      case 'version': yield { op: 'out', fd: 1, data: versionText('uniq') }; return 0;
    }
  }
  if (r.operands.length > 2) { yield* err(`uniq: extra operand '${r.operands[2]}'\n${TRY}`); return 1; }
  if (grouping !== 'none' && (optionUsed || count)) { yield* err(`uniq: --group is mutually exclusive with -c/-d/-D/-u\n${TRY}`); return 1; }
  if (count && outLater) { yield* err(`uniq: printing all duplicated lines and repeat counts is meaningless\n${TRY}`); return 1; }
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
  const put = function* (s: string): TextGen<void> {
    if (output !== null) text += s;
    else if (out.add(s)) yield* out.flush();
  };
  // writeline(): `n` earlier matches in this group; `match`: this line repeats the one before.
  const writeline = function* (line: string, match: boolean, n: number): TextGen<void> {
    if (!(n === 0 ? outUnique : !match ? outFirst : outLater)) return;
    yield* put((count ? `${String(n + 1).padStart(7)} ` : '') + line + eol);
  };
  const rd = new RecordReader(input, () => out.flush());
  let prev: string | null = null;
  let prevKey = '';
  if (outUnique && outFirst && !count) {
    // check_file()'s first loop: each line that starts a group (all of them under --group).
    let firstPrinted = false;
    for (;;) {
      const rec = yield* rd.next(eol);
      if (!rec) break;
      const k = keyOf(rec.text);
      const newGroup = prev === null || k !== prevKey;
      if (newGroup && grouping !== 'none' && (grouping === 'prepend' || grouping === 'both' ||
        (firstPrinted && (grouping === 'append' || grouping === 'separate')))) yield* put(eol);
      if (newGroup || grouping !== 'none') {
        yield* put(rec.text + eol);
        prev = rec.text;
        prevKey = k;
        firstPrinted = true;
      }
    }
    if ((grouping === 'both' || grouping === 'append') && firstPrinted) yield* put(eol);
  } else {
    let n = 0;
    let firstDelimiter = true;
    for (;;) {
      const rec = yield* rd.next(eol);
      if (!rec) break;
      const k = keyOf(rec.text);
      if (prev === null) { prev = rec.text; prevKey = k; continue; }
      const match = k === prevKey;
      if (match) n++;
      if (delimit !== 'none') {
        if (!match) { if (n) firstDelimiter = false; } else if (n === 1 && (delimit === 'prepend' || (delimit === 'separate' && !firstDelimiter))) yield* put(eol);
      }
      if (!match || outLater) {
        yield* writeline(prev, match, n);
        prev = rec.text;
        prevKey = k;
        if (!match) n = 0;
      }
    }
    if (prev !== null) yield* writeline(prev, false, n);
  }
  // check_file(): a failed open names the errno; a failed read only "error reading".
  if (rd.error) { yield* err(rd.openFailed ? fileError('uniq', input, rd.error) : `uniq: error reading ${quoteName(input)}\n`); return 1; }
  if (output !== null) yield { op: 'write', file: output, data: text, append: false };
  yield* out.flush();
  return 0;
}
