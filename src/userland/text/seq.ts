// GNU coreutils 9.1 seq: FIRST/INCREMENT/LAST as exact decimals (so 0.1 0.1 0.3 ends at 0.3,
// as GNU's long double does), precision from FIRST and INCREMENT, -w -s -f, %g for exponents.
import { formatFloat } from './awk_format.ts';
import { strtod } from './awk_value.ts';
import { OutBuf, TICK_STEPS } from './textio.ts';
import type { TextGen } from './textio.ts';
import { err } from './textmain.ts';
import { getoptUntilExit, helpText, versionText } from '../bin/opts.ts';

const TRY = "Try 'seq --help' for more information.\n";
const NUM = /^[ \t]*[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

/** hex: written in C hex, which gives scan_arg() no width for -w. */
interface Arg { text: string; value: number; decimals: number; exp: boolean; hex?: boolean }

function parseArg(s: string): Arg | null {
  const t = s.trim();
  // xstrtold() takes C hex too: an integer stays exact, a hex fraction goes through %g.
  const hex = /^[ \t]*([-+]?)0[xX]([0-9a-fA-F]+)$/.exec(s);
  if (hex) {
    const v = BigInt(`0x${hex[2]}`) * (hex[1] === '-' ? -1n : 1n);
    return { text: v.toString(), value: Number(v), decimals: 0, exp: false, hex: true };
  }
  if (/^[ \t]*[-+]?0[xX](?:[0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+)(?:[pP][-+]?\d+)?$/.test(s)) {
    return { text: t, value: strtod(t), decimals: 0, exp: true };
  }
  if (!NUM.test(s) && !/^[-+]?(inf|infinity|nan)$/i.test(t)) return null;
  // scan_arg(): an exponent moves the precision ("1.5e1" has none, "1e-3" three), and the value
  // prints with %.PRECLf like any decimal, so it becomes that plain decimal here.
  const e = /^([-+]?)(\d*)\.?(\d*)[eE]([-+]?\d+)$/.exec(t);
  if (e && Math.abs(Number(e[4])) <= 100) {
    const shift = Number(e[4]);
    let int = e[2];
    let frac = e[3];
    if (shift >= 0) { frac = frac.padEnd(shift, '0'); int += frac.slice(0, shift); frac = frac.slice(shift); } else {
      int = int.padStart(-shift, '0');
      frac = int.slice(int.length + shift) + frac;
      int = int.slice(0, int.length + shift);
    }
    const text = `${e[1] === '-' ? '-' : ''}${int.replace(/^0+(?=\d)/, '') || '0'}${frac ? `.${frac}` : ''}`;
    return { text, value: Number(t), decimals: frac.length, exp: false };
  }
  const m = /\.(\d*)/.exec(t);
  return { text: t, value: strtod(t), decimals: m && !/[eE]/.test(t) ? m[1].length : 0, exp: /[eE]/.test(t) };
}

/** Scale a plain decimal to an integer count of 10^-dec units (exact). */
function scaled(text: string, dec: number): bigint {
  const neg = text.startsWith('-');
  const [i, f = ''] = text.replace(/^[-+]/, '').split('.');
  const v = BigInt((i || '0') + f.padEnd(dec, '0').slice(0, dec));
  return neg ? -v : v;
}

function fmtScaled(v: bigint, dec: number): string {
  const neg = v < 0n;
  let s = (neg ? -v : v).toString().padStart(dec + 1, '0');
  if (dec) s = s.slice(0, -dec) + '.' + s.slice(-dec);
  return (neg ? '-' : '') + s;
}

export function* seqMain(argv: readonly string[]): TextGen<number> {
  // Negative numbers are operands, not options: stop option parsing at one.
  const cut = argv.findIndex((a, i) => i > 0 && /^-[\d.]/.test(a));
  const head = cut > 0 ? argv.slice(0, cut) : argv;
  const r = getoptUntilExit('seq', head, {
    short: 'f:s:w',
    long: { format: { key: 'f', has: 'required' }, separator: { key: 's', has: 'required' }, 'equal-width': { key: 'w', has: 'none' }, help: { key: 'help', has: 'none' }, version: { key: 'version', has: 'none' } },
  });
  if (!r.ok) { yield* err(r.message + TRY); return 1; }
  let fmt: string | null = null;
  let sep = '\n';
  let equal = false;
  for (const { key, value = '' } of r.opts) {
    if (key === 'f') fmt = value;
    else if (key === 's') sep = value;
    else if (key === 'w') equal = true;
    else if (key === 'help') { yield { op: 'out', fd: 1, data: helpText('seq', argv[0]) }; return 0; }
    else if (key === 'version') { yield { op: 'out', fd: 1, data: versionText('seq') }; return 0; }
  }
  const ops = [...r.operands, ...(cut > 0 ? argv.slice(cut) : [])];
  if (!ops.length) { yield* err(`seq: missing operand\n${TRY}`); return 1; }
  if (ops.length > 3) { yield* err(`seq: extra operand '${ops[3]}'\n${TRY}`); return 1; }
  // main(): the format is checked before the operands are read, and the operands left to
  // right, the increment's zero test before LAST.
  const spec = parseFormat(fmt ?? '%g');
  if (typeof spec === 'string') { yield* err(`seq: ${spec}\n`); return 1; }
  if (fmt !== null && equal) { yield* err(`seq: format string may not be specified when printing equal width strings\n${TRY}`); return 1; }
  const args: Arg[] = [];
  for (let i = 0; i < ops.length; i++) {
    const a = parseArg(ops[i]);
    if (!a) { yield* err(`seq: invalid floating point argument: '${ops[i]}'\n${TRY}`); return 1; }
    if (Number.isNaN(a.value)) { yield* err(`seq: invalid 'not-a-number' argument: '${ops[i]}'\n${TRY}`); return 1; }
    if (i === 1 && ops.length === 3 && a.value === 0) { yield* err(`seq: invalid Zero increment value: '${ops[1]}'\n${TRY}`); return 1; }
    args.push(a);
  }
  const [first, step, last] = args.length === 1 ? [parseArg('1')!, parseArg('1')!, args[0]]
    : args.length === 2 ? [args[0], parseArg('1')!, args[1]] : [args[0], args[1], args[2]];
  const out = new OutBuf();
  const exact = !fmt && !first.exp && !step.exp && !last.exp && [first, step, last].every((a) => Number.isFinite(a.value));
  const dec = Math.max(first.decimals, step.decimals);
  let n = 0;
  const emit = function* (s: string): TextGen<void> {
    if (out.add((n++ ? sep : '') + s)) yield* out.flush();
    if (n % TICK_STEPS === 0) yield { op: 'tick' };
  };
  if (exact) {
    const lastDec = Math.max(dec, last.decimals);
    const f = scaled(first.text, lastDec);
    const st = scaled(step.text, lastDec);
    const l = scaled(last.text, lastDec);
    const k = 10n ** BigInt(lastDec - dec);
    const width = equal ? Math.max(first.hex ? 0 : fmtScaled(f / k, dec).length, last.hex ? 0 : fmtScaled(l / k, dec).length) : 0;
    for (let x = f; st > 0n ? x <= l : x >= l; x += st) {
      let s = fmtScaled(x / k, dec);
      if (width) s = s.startsWith('-') ? '-' + s.slice(1).padStart(width - 1, '0') : s.padStart(width, '0');
      yield* emit(s);
    }
  } else {
    for (let i = 0; ; i++) {
      const x = first.value + i * step.value;
      if (step.value > 0 ? x > last.value : x < last.value) break;
      yield* emit(spec.pre + formatFloat(x, spec.spec) + spec.post);
    }
  }
  if (n) out.add('\n');
  yield* out.flush();
  return 0;
}

/** long_double_format(): exactly one %[flags][width][.prec][L]{efgaEFGA}; "%%" elsewhere. */
function parseFormat(f: string): { pre: string; post: string; spec: { flags: string; width: number; prec: number | null; conv: string } } | string {
  let i = 0;
  for (; !(f[i] === '%' && f[i + 1] !== '%'); i += f[i] === '%' ? 2 : 1) if (i >= f.length) return `format '${f}' has no % directive`;
  const m = /^%([-+ #0']*)(\d*)(?:\.(\d*))?(L?)(.?)/.exec(f.slice(i))!;
  if (!m[5]) return `format '${f}' ends in %`;
  if (!'efgaEFGA'.includes(m[5])) return `format '${f}' has unknown %${m[5]} directive`;
  const rest = f.slice(i + m[0].length);
  for (let j = 0; j < rest.length; j += rest[j] === '%' ? 2 : 1) if (rest[j] === '%' && rest[j + 1] !== '%') return `format '${f}' has too many % directives`;
  return { pre: f.slice(0, i).replace(/%%/g, '%'), post: rest.replace(/%%/g, '%'), spec: { flags: m[1], width: Number(m[2] || 0), prec: m[3] === undefined ? null : Number(m[3] || 0), conv: m[5] } };
}
