// GNU coreutils 9.1 tr: SET syntax (ranges, \NNN and C escapes, [:class:], [=c=], [c*n]),
// translate, -d, -s, -c/-C, -t, and its diagnostics (C locale).
import { classRanges } from './bracket.ts';
import { getoptLong } from './getopt.ts';
import { OutBuf } from './textio.ts';
import type { TextGen } from './textio.ts';

const TRY = "Try 'tr --help' for more information.\n";

class TrError extends Error {}

type Item = { kind: 'chars'; chars: number[] } | { kind: 'class'; name: string; chars: number[] } | { kind: 'repeat'; ch: number; n: number | null };

function unescape(s: string, i: number): [number, number] {
  const d = s[i + 1];
  if (d === undefined) return [0x5c, 1]; // a trailing backslash is itself
  const simple: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92 };
  if (d in simple) return [simple[d], 2];
  if (d >= '0' && d <= '7') {
    let o = d;
    while (o.length < 3 && s[i + 1 + o.length] >= '0' && s[i + 1 + o.length] <= '7' && parseInt(o + s[i + 1 + o.length], 8) < 256) o += s[i + 1 + o.length];
    return [parseInt(o, 8), 1 + o.length];
  }
  return [d.charCodeAt(0), 2];
}

/** Parse one SET operand into items. */
function parseSet(s: string, isSet2: boolean): Item[] {
  const items: Item[] = [];
  const one = (i: number): [number, number] => (s[i] === '\\' ? unescape(s, i) : [s.charCodeAt(i), 1]);
  let i = 0;
  while (i < s.length) {
    if (s[i] === '[' && (s[i + 1] === ':' || s[i + 1] === '=')) {
      const close = s.indexOf(s[i + 1] + ']', i + 2);
      if (close > i + 2) {
        const name = s.slice(i + 2, close);
        if (s[i + 1] === ':') {
          const r = classRanges(name);
          if (!r) throw new TrError(`invalid character class '${name}'`);
          const chars: number[] = [];
          for (const [a, b] of r) for (let c = a; c <= b; c++) chars.push(c);
          items.push({ kind: 'class', name, chars });
        } else {
          if (name.length !== 1) throw new TrError(`${name}: equivalence class operand must be a single character`);
          items.push({ kind: 'chars', chars: [name.charCodeAt(0)] });
        }
        i = close + 2;
        continue;
      }
    }
    if (s[i] === '[' && i + 1 < s.length) {
      const [ch, len] = one(i + 1);
      if (s[i + 1 + len] === '*') {
        const close = s.indexOf(']', i + 2 + len);
        const num = close < 0 ? null : s.slice(i + 2 + len, close);
        if (num !== null && /^\d*$/.test(num)) {
          if (!isSet2) throw new TrError('the [c*] repeat construct may not appear in string1');
          const n = num === '' ? null : parseInt(num, num.startsWith('0') ? 8 : 10);
          items.push({ kind: 'repeat', ch, n: n === 0 ? null : n });
          i = close + 1;
          continue;
        }
      }
    }
    const [c, len] = one(i);
    if (s[i + len] === '-' && i + len + 1 < s.length) {
      const [e, len2] = one(i + len + 1);
      if (e < c) {
        const show = s.slice(i, i + len + 1 + len2);
        throw new TrError(`range-endpoints of '${show}' are in reverse collating sequence order`);
      }
      const chars: number[] = [];
      for (let x = c; x <= e; x++) chars.push(x);
      items.push({ kind: 'chars', chars });
      i += len + 1 + len2;
      continue;
    }
    items.push({ kind: 'chars', chars: [c] });
    i += len;
  }
  return items;
}

function flatten(items: Item[], fillTo = 0): number[] {
  const fixed = items.reduce((n, it) => n + (it.kind === 'repeat' ? it.n ?? 0 : it.chars.length), 0);
  const out: number[] = [];
  for (const it of items) {
    if (it.kind === 'repeat') {
      const n = it.n ?? Math.max(0, fillTo - fixed);
      for (let k = 0; k < n; k++) out.push(it.ch);
    } else out.push(...it.chars);
  }
  return out;
}

export function* trMain(argv: readonly string[]): TextGen<number> {
  const r = getoptLong('tr', argv, {
    short: 'cCdst',
    long: { complement: { key: 'c', has: 'none' }, delete: { key: 'd', has: 'none' }, 'squeeze-repeats': { key: 's', has: 'none' }, 'truncate-set1': { key: 't', has: 'none' }, help: { key: 'help', has: 'none' }, version: { key: 'version', has: 'none' } },
  });
  const fail = function* (msg: string): TextGen<number> {
    yield { op: 'out', fd: 2, data: msg };
    return 1;
  };
  if (!r.ok) return yield* fail(r.message + TRY);
  const flags = new Set(r.opts.map((o) => (o.key === 'C' ? 'c' : o.key)));
  if (flags.has('help')) { yield { op: 'out', fd: 1, data: 'Usage: tr [OPTION]... STRING1 [STRING2]\n' }; return 0; }
  if (flags.has('version')) { yield { op: 'out', fd: 1, data: 'tr (GNU coreutils) 9.1\n' }; return 0; }
  const ops = r.operands;
  const del = flags.has('d');
  const squeeze = flags.has('s');
  const translating = !del && ops.length >= 2 || (!del && !squeeze);
  const need = del && squeeze ? 2 : del || (squeeze && ops.length < 2) ? 1 : 2;
  if (ops.length === 0) return yield* fail(`tr: missing operand\n${TRY}`);
  if (ops.length < need) {
    const extra = need === 2 && !del ? 'Two strings must be given when translating.\n' : 'Two strings must be given when both deleting and squeezing repeats.\n';
    return yield* fail(`tr: missing operand after '${ops[ops.length - 1]}'\n${extra}${TRY}`);
  }
  if (ops.length > need) {
    const why = del && !squeeze ? 'Only one string may be given when deleting without squeezing repeats.\n' : '';
    return yield* fail(`tr: extra operand '${ops[need]}'\n${why}${TRY}`);
  }
  let map: Int16Array | null = null;
  const inSet1 = new Uint8Array(256);
  const inSet2 = new Uint8Array(256);
  try {
    const items1 = parseSet(ops[0], false);
    let set1 = flatten(items1);
    for (const c of set1) inSet1[c] = 1;
    if (flags.has('c')) {
      set1 = [];
      for (let c = 0; c < 256; c++) if (!inSet1[c]) set1.push(c);
      inSet1.fill(0);
      for (const c of set1) inSet1[c] = 1;
    }
    if (ops.length > 1) {
      const items2 = parseSet(ops[1], true);
      let set2 = flatten(items2, set1.length);
      if (translating) {
        if (!set2.length) throw new TrError('when not truncating set1, string2 must be non-empty');
        if (flags.has('t')) set1 = set1.slice(0, set2.length);
        else if (set2.length < set1.length) {
          if (items2[items2.length - 1].kind === 'class') {
            throw new TrError('when translating with string1 longer than string2,\nthe latter string must not end with a character class');
          }
          set2 = set2.concat(new Array<number>(set1.length - set2.length).fill(set2[set2.length - 1]));
        }
        map = new Int16Array(256).map((_, i) => i);
        // [:lower:] <-> [:upper:] pairs map case to case, position by position.
        for (let k = 0; k < set1.length; k++) map[set1[k]] = set2[k];
      }
      for (const c of set2) inSet2[c] = 1;
    }
  } catch (e) {
    if (e instanceof TrError) return yield* fail(`tr: ${e.message}\n`);
    throw e;
  }
  const squeezeSet = ops.length > 1 ? inSet2 : inSet1;
  const out = new OutBuf();
  let last = -1;
  const r0 = (yield { op: 'open', file: '-' }) as number;
  if (r0 < 0) return 1;
  for (;;) {
    const chunk = (yield { op: 'read', file: '-' }) as string | number;
    if (typeof chunk !== 'string' || chunk === '') break;
    let s = '';
    for (let k = 0; k < chunk.length; k++) {
      let c = chunk.charCodeAt(k);
      if (del && inSet1[c]) continue;
      if (map) c = map[c];
      if (squeeze && c === last && squeezeSet[c]) continue;
      last = c;
      s += String.fromCharCode(c);
    }
    if (out.add(s)) yield* out.flush();
  }
  yield* out.flush();
  return 0;
}
