// GNU coreutils 9.1 seq: FIRST/INCREMENT/LAST as exact decimals (so 0.1 0.1 0.3 ends at 0.3,
// as GNU's long double does), precision from FIRST and INCREMENT, -w -s -f, %g for exponents.
import { formatFloat } from './awk_format.ts';
import { getoptLong } from './getopt.ts';
import { OutBuf, TICK_STEPS } from './textio.ts';
import type { TextGen } from './textio.ts';
import { err } from './textmain.ts';

const TRY = "Try 'seq --help' for more information.\n";
const NUM = /^[ \t]*[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

interface Arg { text: string; value: number; decimals: number; exp: boolean }

function parseArg(s: string): Arg | null {
  if (!NUM.test(s) && !/^[-+]?(inf|infinity|nan)$/i.test(s.trim())) return null;
  const t = s.trim();
  const m = /\.(\d*)/.exec(t);
  return { text: t, value: Number(t.replace(/^\+/, '')), decimals: m && !/[eE]/.test(t) ? m[1].length : 0, exp: /[eE]/.test(t) };
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
  const r = getoptLong('seq', head, {
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
    else if (key === 'help') { yield { op: 'out', fd: 1, data: 'Usage: seq [OPTION]... LAST\n' }; return 0; }
    else if (key === 'version') { yield { op: 'out', fd: 1, data: 'seq (GNU coreutils) 9.1\n' }; return 0; }
  }
  const ops = [...r.operands, ...(cut > 0 ? argv.slice(cut) : [])];
  if (!ops.length) { yield* err(`seq: missing operand\n${TRY}`); return 1; }
  if (ops.length > 3) { yield* err(`seq: extra operand '${ops[3]}'\n${TRY}`); return 1; }
  const args: Arg[] = [];
  for (const o of ops) {
    const a = parseArg(o);
    if (!a) { yield* err(`seq: invalid floating point argument: '${o}'\n${TRY}`); return 1; }
    args.push(a);
  }
  const [first, step, last] = args.length === 1 ? [parseArg('1')!, parseArg('1')!, args[0]]
    : args.length === 2 ? [args[0], parseArg('1')!, args[1]] : [args[0], args[1], args[2]];
  if (step.value === 0) { yield* err(`seq: invalid Zero increment value: '${ops[1]}'\n${TRY}`); return 1; }
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
    const width = equal ? Math.max(fmtScaled(f / k, dec).length, fmtScaled(l / k, dec).length) : 0;
    for (let x = f; st > 0n ? x <= l : x >= l; x += st) {
      let s = fmtScaled(x / k, dec);
      if (width) s = s.startsWith('-') ? '-' + s.slice(1).padStart(width - 1, '0') : s.padStart(width, '0');
      yield* emit(s);
    }
  } else {
    const spec = parseFormat(fmt ?? '%g');
    if (typeof spec === 'string') { yield* err(`seq: ${spec}\n`); return 1; }
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

function parseFormat(f: string): { pre: string; post: string; spec: { flags: string; width: number; prec: number | null; conv: string } } | string {
  const m = /^((?:[^%]|%%)*)%([-+ #0']*)(\d*)(?:\.(\d*))?([eEfFgGaA])((?:[^%]|%%)*)$/.exec(f);
  if (!m) return `format '${f}' has no % directive`;
  return { pre: m[1].replace(/%%/g, '%'), post: m[6].replace(/%%/g, '%'), spec: { flags: m[2], width: Number(m[3] || 0), prec: m[4] === undefined ? null : Number(m[4] || 0), conv: m[5] } };
}
