// GNU coreutils 9.1 tr: SET syntax (ranges, \NNN and C escapes, [:class:], [=c=], [c*n]),
// translate, -d, -s, -c/-C, -t, and its diagnostics (C locale).
import { TrError, parseSpec, validate } from './tr_spec.ts';
import { OutBuf } from './textio.ts';
import type { TextGen } from './textio.ts';
import { getoptUntilExit, helpText, versionText } from '../bin/opts.ts';

const TRY = "Try 'tr --help' for more information.\n";

export function* trMain(argv: readonly string[]): TextGen<number> {
  const r = getoptUntilExit('tr', argv, {
    short: 'cCdst',
    long: { complement: { key: 'c', has: 'none' }, delete: { key: 'd', has: 'none' }, 'squeeze-repeats': { key: 's', has: 'none' }, 'truncate-set1': { key: 't', has: 'none' }, help: { key: 'help', has: 'none' }, version: { key: 'version', has: 'none' } },
  });
  const fail = function* (msg: string): TextGen<number> {
    yield { op: 'out', fd: 2, data: msg };
    return 1;
  };
  if (!r.ok) return yield* fail(r.message + TRY);
  const flags = new Set(r.opts.map((o) => (o.key === 'C' ? 'c' : o.key)));
  if (flags.has('help')) { yield { op: 'out', fd: 1, data: helpText('tr', argv[0]) }; return 0; }
  if (flags.has('version')) { yield { op: 'out', fd: 1, data: versionText('tr') }; return 0; }
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
    // main(): both strings are parsed (each unquote()d first, with its warnings) before
    // validate() looks at them together.
    const warnings: string[] = [];
    const warn = (m: string): void => { warnings.push(`tr: ${m}\n`); };
    let s1;
    let s2 = null;
    try {
      s1 = parseSpec(ops[0], warn);
      if (ops.length > 1) s2 = parseSpec(ops[1], warn);
    } finally {
      if (warnings.length) yield { op: 'out', fd: 2, data: warnings.join('') };
    }
    const v = validate(s1, s2, { complement: flags.has('c'), translating, truncate: flags.has('t') });
    let set1 = v.set1;
    for (const c of set1) inSet1[c] = 1;
    if (s2) {
      if (translating) {
        if (flags.has('t')) set1 = set1.slice(0, v.set2.length);
        map = new Int16Array(256).map((_, i) => i);
        // [:lower:] <-> [:upper:] pairs map case to case, position by position.
        for (let k = 0; k < set1.length; k++) map[set1[k]] = v.set2[k];
      }
      for (const c of v.set2) inSet2[c] = 1;
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
