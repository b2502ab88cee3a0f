// GNU coreutils 9.1 sort in the C locale: -b -d -f -g -h -i -M -n -r -R -V -k POS1[,POS2] -t -u
// -s -c -C -m -o -z --files0-from, key extraction as keycompare() does it, the whole-line
// last-resort comparison, and its diagnostics. -S, -T, --parallel, --batch-size and
// --compress-program are checked as sort.c does and otherwise have no effect (everything is
// sorted in memory: no temporary files, no threads); -y [DIGITS] is ignored as there.
// --debug: sort_debug.ts.
import { debugLine, keyWarnings } from './sort_debug.ts';
import type { DebugKey } from './sort_debug.ts';
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
  const r = getoptUntilExit('sort', withoutY(argv), {
    short: 'bcCdfghik:mMno:rRsS:t:T:uVy:z',
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
  let files0: string | null = null;
  let debug = false;
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
      case 'debug': debug = true; break;
      case 'parallel': {
        const m = /^\s*\+?(\d+)$/.exec(value);
        if (!m) { yield* err(`sort: invalid --parallel argument '${value}'\n`); return 2; }
        if (Number(m[1]) === 0) { yield* err('sort: number in parallel must be nonzero\n'); return 2; }
        break;
      }
      case 'batch-size': {
        const m = /^\s*\+?(\d+)$/.exec(value);
        if (!m || Number(m[1]) < 2) {
          yield* err(`sort: invalid --batch-size argument '${value}'\n${m ? "sort: minimum --batch-size argument is '2'\n" : ''}`);
          return 2;
        }
        break;
      }
      case 'S': {
        const bad = sizeError(value);
        if (bad) { yield* err(`sort: ${bad} ${argv.some((a) => a.startsWith('--b')) && !argv.includes('-S') ? '--buffer-size' : '-S'} argument '${value}'\n`); return 2; }
        break;
      }
      case 'files0-from': files0 = value; break;
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
  // --debug: the keys as sort.c lists them (without -k, the global options as one key when
  // they change the comparison), its checks, and key_warnings().
  let debugKeys: DebugKey[] = keys;
  if (debug) {
    if (check || output !== null) {
      yield* err(`sort: options '-${check || 'o'} --debug' are incompatible\n`);
      return 2;
    }
    const gk: DebugKey = { ...g, sf: -1, sc: 0, ef: -1, ec: 0, bStart: g.b, bEnd: g.b, own: false };
    const gkeyOnly = !keys.length && (g.b || g.d || g.f || g.g || g.h || g.i || g.M || g.n || g.R || g.V);
    if (gkeyOnly) debugKeys = [gk];
    yield* err(keyWarnings(debugKeys, g, gkeyOnly, tab, stable, unique).map((l) => `sort: ${l}\n`).join(''));
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
  let files = r.operands.length ? r.operands : ['-'];
  if (files0 !== null) {
    const names = yield* readFiles0(files0, r.operands);
    if (typeof names === 'number') return names;
    files = names;
  }
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
    text += debug ? debugLine(line, debugKeys, tab, stable, unique) : line + eol;
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

/**
 * "-y [DIGITS]" (Solaris): ignored, with the next argument only when it is all digits (sort.c
 * steps optind back over any other). Only a "-y" argument of its own, before "--", is seen here.
 */
function withoutY(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') return [...out, ...argv.slice(i)];
    if (i > 0 && /^-[bcCdfghimMnrRsuVz]*y$/.test(a)) {
      if (a.length > 2) out.push(a.slice(0, -1));
      if (i + 1 < argv.length && /^\d*$/.test(argv[i + 1])) i++;
      continue;
    }
    out.push(a);
    // An option that takes the next argument as its value: that value is not an option.
    if (/^-[bcCdfghimMnrRsuVz]*[kotST]$/.test(a) && i + 1 < argv.length) out.push(argv[++i]);
  }
  return out;
}

/** specify_sort_size()'s xstrtoumax with "bKMGTPEZY%" (no suffix means K): the error, or ''. */
function sizeError(v: string): string {
  const m = /^\s*\+?(\d+)(.*)$/.exec(v);
  if (!m) return 'invalid';
  if (m[2] !== '' && !/^[bkKMGTPEZY%]$/.test(m[2])) return 'invalid suffix in';
  return '';
}

/** --files0-from=F: the NUL-separated names, checked as sort.c does before any is read. */
function* readFiles0(from: string, operands: readonly string[]): TextGen<string[] | number> {
  if (operands.length) {
    yield* err(`sort: extra operand '${operands[0]}'\nfile operands cannot be combined with --files0-from\n${TRY}`);
    return 2;
  }
  const d = yield* readWhole(from);
  if (typeof d === 'number') { yield* err(`sort: open failed: ${from}: ${strerror(d)}\n`); return 2; }
  const names = d.split('\0');
  if (names[names.length - 1] === '') names.pop();
  if (!names.length) { yield* err(`sort: no input from '${from}'\n`); return 2; }
  for (const [i, n] of names.entries()) {
    if (from === '-' && n === '-') { yield* err("sort: when reading file names from stdin, no file name of '-' allowed\n"); return 2; }
    if (n === '') { yield* err(`sort: ${from}:${i + 1}: invalid zero-length file name\n`); return 2; }
  }
  return names;
}
