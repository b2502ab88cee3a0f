// GNU coreutils 9.1 sort in the C locale: -b -d -f -g -h -i -M -n -r -R -V -k POS1[,POS2] -t -u
// -s -c -C -m -o -z, key extraction as keycompare() does it, the whole-line last-resort comparison, and
// its diagnostics.
import { compareText, keyText, noOpts, parseKey } from './sort_keys.ts';
import type { Key } from './sort_keys.ts';
import { OutBuf } from './textio.ts';
import type { TextGen } from './textio.ts';
import { err, readWhole } from './textmain.ts';
import { strerror } from '../../uapi/errno.ts';
import { getoptUntilExit, helpText, versionText } from '../bin/opts.ts';

const TRY = "Try 'sort --help' for more information.\n";

export function* sortMain(argv: readonly string[]): TextGen<number> {
  const L = (key: string, has: 'none' | 'required' | 'optional' = 'none') => ({ key, has });
  // sort.c long_options, in its order (getopt_long lists an ambiguous prefix's matches so);
  // --compress-program, --debug, --files0-from, --batch-size and --parallel are refused below.
  const r = getoptUntilExit('sort', argv, {
    short: 'bcCdfghik:mMno:rRsS:t:T:uVz',
    long: { 'ignore-leading-blanks': L('b'), check: L('check', 'optional'), 'compress-program': L('compress-program', 'required'),
      debug: L('debug'), 'dictionary-order': L('d'), 'ignore-case': L('f'), 'files0-from': L('files0-from', 'required'),
      'general-numeric-sort': L('g'), 'ignore-nonprinting': L('i'), key: L('k', 'required'), merge: L('m'), 'month-sort': L('M'),
      'numeric-sort': L('n'), 'human-numeric-sort': L('h'), 'version-sort': L('V'), 'random-sort': L('R'),
      'random-source': L('random-source', 'required'), sort: L('sort', 'required'), output: L('o', 'required'), reverse: L('r'),
      stable: L('s'), 'batch-size': L('batch-size', 'required'), 'buffer-size': L('S', 'required'),
      'field-separator': L('t', 'required'), 'temporary-directory': L('T', 'required'), unique: L('u'), 'zero-terminated': L('z'),
      parallel: L('parallel', 'required'), help: L('help'), version: L('version') },
  });
  if (!r.ok) { yield* err(r.message + TRY); return 2; }
  const g = noOpts();
  const keys: Key[] = [];
  let tab: string | null = null;
  let unique = false;
  let stable = false;
  let check: '' | 'c' | 'C' = '';
  let output: string | null = null;
  let eol = '\n';
  let merge = false;
  for (const o of r.opts) {
    const { key, value = '' } = o;
    if (key in g && key.length === 1) { (g as unknown as Record<string, boolean>)[key] = true; continue; }
    switch (key) {
      case 'k': {
        const k = parseKey(value);
        if (typeof k === 'string') { yield* err(`sort: ${k}\n`); return 2; }
        keys.push(k);
        break;
      }
      case 't':
        if (value.length !== 1) { yield* err(value ? `sort: multi-character tab '${value}'\n` : `sort: empty tab\n`); return 2; }
        tab = value;
        break;
      case 'u': unique = true; break;
      case 's': stable = true; break;
      case 'c': case 'C': check = key; break;
      case 'check': {
        // XARGMATCH: no argument is -c; quiet/silent are -C, diagnose-first is -c.
        // Prefixes matching only quiet and silent are one value, so not ambiguous (argmatch()).
        const names: Record<string, 'c' | 'C'> = { quiet: 'C', silent: 'C', 'diagnose-first': 'c' };
        const hits = new Set(Object.keys(names).filter((n) => n.startsWith(value)).map((n) => names[n]));
        if (o.value === undefined) check = 'c';
        else if (Object.hasOwn(names, value)) check = names[value];
        else if (hits.size === 1) check = [...hits][0];
        else {
          yield* err(`sort: ${hits.size ? 'ambiguous' : 'invalid'} argument '${value}' for '--check'\n` +
            `Valid arguments are:\n  - 'quiet', 'silent'\n  - 'diagnose-first'\n${TRY}`);
          return 1; // argmatch_die is usage (EXIT_FAILURE)
        }
        break;
      }
      case 'compress-program': case 'debug': case 'files0-from': case 'batch-size': case 'parallel':
        yield* err(`sort: option --${key} is not supported here\n`);
        return 2;
      case 'o': output = value; break;
      case 'z': eol = '\0'; break;
      case 'm': merge = true; break;
      case 'help': yield { op: 'out', fd: 1, data: helpText('sort', argv[0]) }; return 0;
      case 'version': yield { op: 'out', fd: 1, data: versionText('sort') }; return 0;
    }
  }
  // Keys without options of their own take the global ones; without -k the global options
  // are the one key (insertkey (&gkey)).
  for (const k of keys) if (!k.own) Object.assign(k, { ...g, bStart: g.b, bEnd: g.b });
  // check_ordering_compatibility(): one ordering per key; the message lists key_to_opts()
  // without b and r.
  for (const k of keys.length ? keys : [g]) {
    if ((k.n ? 1 : 0) + (k.g ? 1 : 0) + (k.h ? 1 : 0) + (k.M ? 1 : 0) + (k.V || k.R || k.d || k.i ? 1 : 0) > 1) {
      const opts = (['d', 'f', 'g', 'h', 'i', 'M', 'n', 'R', 'V'] as const).filter((c) => k[c]).join('');
      yield* err(`sort: options '-${opts}' are incompatible\n`);
      return 2;
    }
  }
  const cmp = (a: string, b: string): number => {
    if (keys.length) {
      for (const k of keys) {
        const c = compareText(keyText(a, k, tab), keyText(b, k, tab), k);
        if (c) return k.r ? -c : c;
      }
    } else if (g.n || g.g || g.h || g.V || g.M || g.R || g.f || g.d || g.i || g.b) {
      const c = compareText(g.b ? a.replace(/^[ \t]+/, '') : a, g.b ? b.replace(/^[ \t]+/, '') : b, g);
      if (c) return g.r ? -c : c;
    } else if (a !== b) {
      return (a < b ? -1 : 1) * (g.r ? -1 : 1);
    }
    if (unique || stable) return 0;
    const c = a < b ? -1 : a > b ? 1 : 0;
    return g.r ? -c : c;
  };
  const files = r.operands.length ? r.operands : ['-'];
  if (check && files.length > 1) { yield* err(`sort: extra operand '${files[1]}' not allowed with -${check}\n`); return 2; }
  const inputs: string[][] = [];
  for (const f of files) {
    const d = yield* readWhole(f);
    // sort.c: xfopen() failing is "cannot read", fread() failing is "read failed".
    if (typeof d === 'number') { yield* err(`sort: ${readWhole.openFailed ? 'cannot read' : 'read failed'}: ${f}: ${strerror(d)}\n`); return 2; }
    const t = d && !d.endsWith(eol) ? d + eol : d;
    inputs.push(t ? t.slice(0, -1).split(eol) : []);
  }
  const lines = inputs.flat();
  if (check) {
    for (let i = 1; i < lines.length; i++) {
      const c = cmp(lines[i - 1], lines[i]);
      if (c > 0 || (unique && c === 0)) {
        if (check === 'c') yield* err(`sort: ${files[0]}:${i + 1}: disorder: ${lines[i]}\n`);
        return 1;
      }
    }
    return 0;
  }
  let order: string[];
  if (merge) {
    // mergefps(): the inputs are taken as sorted; the smallest head line goes next, the earlier
    // file first on a tie.
    order = [];
    const at = inputs.map(() => 0);
    for (;;) {
      let best = -1;
      for (let f = 0; f < inputs.length; f++) {
        if (at[f] < inputs[f].length && (best < 0 || cmp(inputs[f][at[f]], inputs[best][at[best]]) < 0)) best = f;
      }
      if (best < 0) break;
      order.push(inputs[best][at[best]++]);
    }
  } else {
    const idx = lines.map((_, i) => i);
    idx.sort((x, y) => cmp(lines[x], lines[y]) || x - y);
    order = idx.map((i) => lines[i]);
  }
  let text = '';
  let prev: string | null = null;
  for (const line of order) {
    if (unique && prev !== null && cmp(prev, line) === 0) continue;
    prev = line;
    text += line + eol;
  }
  if (output !== null) {
    const w = (yield { op: 'write', file: output, data: text, append: false }) as number;
    if (w < 0) { yield* err(`sort: open failed: ${output}: ${strerror(-w)}\n`); return 2; }
    return 0;
  }
  const out = new OutBuf();
  out.add(text);
  yield* out.flush();
  return 0;
}
