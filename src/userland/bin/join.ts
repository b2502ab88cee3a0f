// GNU join 9.1: a merge join of two files sorted on their join fields (-1/-2/-j, 1 by default).
// Fields are split at runs of blanks (leading blanks ignored) or at each -t character; output is
// the join field, then the other fields of each line, separated by a space or the -t character,
// or as -o lists them ("auto": as many fields as each file's first line). -a/-v print
// unpairable lines, -e fills missing fields, -i ignores case, --header joins the first lines.
// Order is checked as join.c does ("FILE:N: is not sorted: LINE", then status 1).
import type { ProgramArgs, UserGen } from '../../uapi/syscalls.ts';
import { Output, twoOperands, warn, warnErrno } from './common.ts';
import { readInput } from './inputs.ts';
import { L, parseArgs } from './opts.ts';
import { quoteC, quotef } from './quote.ts';

interface Line { text: string; fields: string[] }
interface OutSpec { file: number; field: number }

function fieldsOf(text: string, tab: string | null): string[] {
  if (text === '') return [];
  if (tab !== null) return text.split(tab);
  const t = text.replace(/^[ \t\n]+/, '');
  return t === '' ? [] : t.replace(/[ \t\n]+$/, '').split(/[ \t\n]+/);
}

/** decode_field_spec() pieces: a field number (1-based in, 0-based out) or null. */
const fieldNum = (s: string): number | null => (/^\d+$/.test(s) && Number(s) >= 1 && Number(s) <= 2 ** 53 ? Number(s) - 1 : null);

export function* join({ argv }: ProgramArgs): UserGen {
  const long = {
    'ignore-case': L('i'), 'check-order': L('C'), 'nocheck-order': L('N'), 'zero-terminated': L('z'), header: L('H'),
  };
  const p = yield* parseArgs(argv, { short: 'a:e:ij:1:2:o:t:v:z', long }, { name: 'join' });
  if ('exit' in p) return p.exit;
  const die = function* (msg: string): UserGen<number> {
    yield* warn(argv[0], msg);
    return 1;
  };
  const jf = [0, 0], unpair = [false, false];
  let pairs = true, empty: string | null = null, icase = false, tab: string | null = null, eol = '\n', header = false;
  let check: 'default' | 'on' | 'off' = 'default', outlist: OutSpec[] | null = null, auto = false;
  for (const o of p.opts) {
    const v = o.value ?? '';
    if (o.key === 'a' || o.key === 'v') {
      if (v !== '1' && v !== '2') return yield* die(`invalid field number: ${quoteC(v)}`);
      unpair[Number(v) - 1] = true;
      if (o.key === 'v') pairs = false;
    } else if (o.key === 'e') empty = v;
    else if (o.key === 'i') icase = true;
    else if (o.key === '1' || o.key === '2' || o.key === 'j') {
      const n = fieldNum(v);
      if (n === null) return yield* die(`invalid field number: ${quoteC(v)}`);
      if (o.key !== '2') jf[0] = n;
      if (o.key !== '1') jf[1] = n;
    } else if (o.key === 'o') {
      if (v === 'auto') {
        auto = true;
        continue;
      }
      outlist ??= [];
      for (const spec of v.split(/[, \t]+/).filter(Boolean)) {
        if (spec === '0') {
          outlist.push({ file: 0, field: 0 });
          continue;
        }
        const m = /^(.)\.(.*)$/.exec(spec);
        if (!m || (m[1] !== '1' && m[1] !== '2')) {
          return yield* die(m && /^\d$/.test(m[1]) && m[1] !== '0' ? `invalid file number in field spec: ${quoteC(spec)}` : `invalid field specifier: ${quoteC(spec)}`);
        }
        const n = fieldNum(m[2]);
        if (n === null) return yield* die(`invalid field number: ${quoteC(m[2])}`);
        outlist.push({ file: Number(m[1]), field: n });
      }
    } else if (o.key === 't') {
      const t = v === '' ? '\n' : v;
      if (t.length > 1) return yield* die(`multi-character tab ${quoteC(v)}`);
      if (tab !== null && tab !== t) return yield* die('incompatible tabs');
      tab = t;
    } else if (o.key === 'z') eol = '\0';
    else if (o.key === 'H') header = true;
    else if (o.key === 'C') check = 'on';
    else if (o.key === 'N') check = 'off';
  }
  if (!(yield* twoOperands(argv[0], p.operands))) return 1;
  if (p.operands[0] === '-' && p.operands[1] === '-') {
    yield* warn(argv[0], 'both files cannot be standard input');
    return 1;
  }
  const lines: Line[][] = [];
  for (const name of p.operands) {
    const r = yield* readInput(name, argv[0]);
    if ('open' in r) {
      yield* warnErrno(argv[0], quotef(name), r.open);
      return 1;
    }
    if ('read' in r) {
      yield* warnErrno(argv[0], 'read error', r.read);
      return 1;
    }
    const ls = r.data.split(eol);
    if (ls[ls.length - 1] === '') ls.pop();
    lines.push(ls.map((text) => ({ text, fields: fieldsOf(text, tab) })));
  }
  const sep = tab === null || tab === '\n' ? ' ' : tab;
  const key = (l: Line, f: number): string => {
    const k = l.fields[f] ?? '';
    return icase ? k.toUpperCase() : k;
  };
  const keycmp = (a: Line, b: Line, f1: number, f2: number): number => {
    const x = key(a, f1), y = key(b, f2);
    if (x === '') return y === '' ? 0 : -1;
    if (y === '') return 1;
    return x < y ? -1 : x > y ? 1 : 0;
  };
  const autocount = lines.map((ls) => ls[0]?.fields.length ?? 0);
  const blank: Line = { text: '', fields: [] };
  const out = new Output();
  const field = (l: Line, n: number): string => l.fields[n] || (empty ?? '');
  const prjoin = function* (l1: Line, l2: Line): UserGen<void> {
    const parts: string[] = [];
    if (outlist) {
      for (const o of outlist) {
        if (o.file === 0) parts.push(l1 === blank ? field(l2, jf[1]) : field(l1, jf[0]));
        else parts.push(field(o.file === 1 ? l1 : l2, o.field));
      }
    } else {
      parts.push(l1 === blank ? field(l2, jf[1]) : field(l1, jf[0]));
      [l1, l2].forEach((l, w) => {
        const n = auto ? autocount[w] : l.fields.length;
        for (let i = 0; i < n; i++) if (i !== jf[w]) parts.push(field(l, i));
      });
    }
    yield* out.put(parts.join(sep) + eol);
  };
  const pos = [0, 0], warned = [false, false];
  let unpairable = false;
  const names = p.operands;
  /** get_line(): the next line of file w, with check_order() against the one before it. */
  const next = function* (w: number): UserGen<Line | null> {
    const i = pos[w]++;
    const l = lines[w][i];
    if (!l) return null;
    if (i > 0 && check !== 'off' && (check === 'on' || unpairable) && !warned[w] && keycmp(lines[w][i - 1], l, jf[w], jf[w]) > 0) {
      yield* out.flush();
      yield* warn(argv[0], `${names[w]}:${i + 1}: is not sorted: ${l.text}`);
      warned[w] = true;
      if (check === 'on') throw new SortedError();
    }
    return l;
  };
  try {
    let a = yield* next(0), b = yield* next(1);
    if (header && (a || b)) {
      yield* prjoin(a ?? blank, b ?? blank);
      a = yield* next(0);
      b = yield* next(1);
    }
    while (a && b) {
      const diff = keycmp(a, b, jf[0], jf[1]);
      if (diff < 0) {
        if (unpair[0]) yield* prjoin(a, blank);
        a = yield* next(0);
        unpairable = true;
        continue;
      }
      if (diff > 0) {
        if (unpair[1]) yield* prjoin(blank, b);
        b = yield* next(1);
        unpairable = true;
        continue;
      }
      const s1: Line[] = [a], s2: Line[] = [b];
      for (;;) {
        a = yield* next(0);
        if (!a || keycmp(a, b, jf[0], jf[1])) break;
        s1.push(a);
      }
      for (;;) {
        b = yield* next(1);
        if (!b || keycmp(s1[0], b, jf[0], jf[1])) break;
        s2.push(b);
      }
      if (pairs) for (const x of s1) for (const y of s2) yield* prjoin(x, y);
    }
    for (const [w, cur0] of [[0, a], [1, b]] as const) {
      let cur = cur0;
      if (!cur || !(unpair[w] || check !== 'off')) continue;
      if ((w === 0 ? b : a) !== null) unpairable = true;
      while (cur) {
        if (unpair[w]) yield* prjoin(w === 0 ? cur : blank, w === 0 ? blank : cur);
        if (warned[w] && !unpair[w]) break;
        cur = yield* next(w);
      }
    }
  } catch (e) {
    if (!(e instanceof SortedError)) throw e;
    return yield* out.finish(argv[0], 1);
  }
  if (warned[0] || warned[1]) {
    yield* out.flush();
    yield* warn(argv[0], 'input is not in sorted order');
    return yield* out.finish(argv[0], 1);
  }
  return yield* out.finish(argv[0], 0);
}

/** --check-order's fatal disorder, unwinding the merge loop. */
class SortedError extends Error {}
