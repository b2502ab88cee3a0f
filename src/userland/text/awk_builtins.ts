// awk's built-in functions, with mawk 1.3.4's edge behaviours (substr's start/length handling,
// integer printing) and a deterministic rand()/srand() seeded from 0.
import type { Expr } from './awk_ast.ts';
import type { AwkEval } from './awk_eval.ts';
import { awkSprintf } from './awk_printf.ts';
import { AwkArray, AwkRuntimeError, splitFields, splitRegex } from './awk_state.ts';
import { fromInput, toNum, toStr } from './awk_value.ts';
import type { Val } from './awk_value.ts';
import { asciiLower, asciiUpper } from './ascii.ts';
import { Prng } from '../../lib/prng.ts';
import type { TextGen } from './textio.ts';

export function* callBuiltin(m: AwkEval, name: string, args: Expr[]): TextGen<Val> {
  const conv = m.convfmt;
  const num = function* (i: number) { return toNum(yield* m.eval(args[i])); };
  const str = function* (i: number) { return toStr(yield* m.eval(args[i]), conv); };
  const need = (lo: number, hi: number): void => {
    if (args.length < lo || args.length > hi) throw new AwkRuntimeError(`wrong number of arguments in call to ${name}`);
  };
  switch (name) {
    case 'length': {
      need(0, 1);
      if (!args.length) return m.getField(0) === undefined ? 0 : toStr(m.getField(0), conv).length;
      const a = args[0];
      if (a.k === 'var') {
        const c = m.cell(a.name);
        if (c.v instanceof AwkArray) return c.v.m.size;
      }
      return (yield* str(0)).length;
    }
    case 'substr': {
      need(2, 3);
      const s = yield* str(0);
      // mawk 1.3.4-20200120: start and length truncate; a start below 1 lengthens rather than
      // shortens the piece (substr("hello", 0, 2) is "he").
      let b = Math.trunc(yield* num(1));
      let l = args.length > 2 ? Math.trunc(yield* num(2)) : Infinity;
      if (Number.isNaN(b)) b = 1;
      if (Number.isNaN(l)) l = 0;
      if (b < 1) { l -= b; b = 1; }
      if (l <= 0) return '';
      return s.slice(b - 1, l === Infinity ? undefined : b - 1 + l);
    }
    case 'index': {
      need(2, 2);
      const s = yield* str(0);
      const t = yield* str(1);
      return s.indexOf(t) + 1;
    }
    case 'split': {
      need(2, 3);
      const s = yield* str(0);
      const a = args[1];
      if (a.k !== 'var') throw new AwkRuntimeError('split: second argument is not an array');
      let parts: string[];
      const sep = args[2];
      if (sep && sep.k === 're') {
        parts = splitRegex(s, sep.re);
      } else {
        const fs = args.length > 2 ? yield* str(2) : m.str('FS');
        parts = splitFields(s, fs, (src) => m.regexFor(src));
      }
      const arr = m.array(a.name);
      arr.m.clear();
      parts.forEach((p, i) => arr.m.set(String(i + 1), fromInput(p)));
      return parts.length;
    }
    case 'sub': case 'gsub': {
      need(2, 3);
      const re = yield* m.regexOf(args[0]);
      const repl = yield* str(1);
      const target: Expr = args[2] ?? { k: 'field', index: { k: 'num', v: 0 } };
      const ref = yield* m.ref(target);
      const s = toStr(ref.get(), conv);
      let out = '';
      let count = 0;
      let from = 0;
      let copied = 0;
      let prevEnd = -1;
      while (from <= s.length) {
        const mt = re.exec(s, from);
        if (!mt) break;
        if (mt.index === mt.end && mt.index === prevEnd) { from = mt.index + 1; continue; }
        out += s.slice(copied, mt.index) + replacement(repl, s.slice(mt.index, mt.end));
        copied = mt.end;
        count++;
        prevEnd = mt.end;
        if (name === 'sub') break;
        from = mt.end > mt.index ? mt.end : mt.end + 1;
      }
      if (count) ref.set(out + s.slice(copied));
      return count;
    }
    case 'match': {
      need(2, 2);
      const s = yield* str(0);
      const re = yield* m.regexOf(args[1]);
      const mt = re.exec(s, 0);
      m.setVar('RSTART', mt ? mt.index + 1 : 0);
      m.setVar('RLENGTH', mt ? mt.end - mt.index : -1);
      return mt ? mt.index + 1 : 0;
    }
    case 'sprintf': {
      if (!args.length) throw new AwkRuntimeError('wrong number of arguments in call to sprintf');
      const vals: Val[] = [];
      for (const a of args) vals.push(yield* m.eval(a));
      return awkSprintf(toStr(vals[0], conv), vals.slice(1), conv, 'sprintf');
    }
    case 'sin': need(1, 1); return Math.sin(yield* num(0));
    case 'cos': need(1, 1); return Math.cos(yield* num(0));
    case 'atan2': need(2, 2); return Math.atan2(yield* num(0), yield* num(1));
    case 'exp': need(1, 1); return Math.exp(yield* num(0));
    case 'log': need(1, 1); return Math.log(yield* num(0));
    case 'sqrt': need(1, 1); return Math.sqrt(yield* num(0));
    case 'int': need(1, 1); return Math.trunc(yield* num(0));
    case 'rand': need(0, 0); return m.prng.next();
    case 'srand': {
      need(0, 1);
      const prev = m.seed;
      m.seed = args.length ? Math.trunc(yield* num(0)) : Math.trunc(m.now);
      m.prng = new Prng(m.seed);
      return prev;
    }
    case 'tolower': need(1, 1); return asciiLower(yield* str(0));
    case 'toupper': need(1, 1); return asciiUpper(yield* str(0));
    case 'system': {
      need(1, 1);
      const cmd = yield* str(0);
      yield* m.out.stdout.flush();
      return (yield { op: 'system', cmd }) as number;
    }
    case 'close': {
      need(1, 1);
      const name2 = yield* str(0);
      if (m.out.has(name2)) return yield* m.out.close(name2);
      const src = m.inputs.get(name2);
      if (!src) return -1;
      m.inputs.delete(name2);
      if (src.kind === 'cmd') return (yield { op: 'pipe-close', cmd: name2 }) as number;
      yield { op: 'close', file: name2 };
      return 0;
    }
    case 'fflush':
      need(0, 1);
      yield* m.out.stdout.flush();
      return 0;
  }
  throw new AwkRuntimeError(`unknown function ${name}`);
}

/** sub/gsub replacement: & is the match, \& a literal &, \\ a backslash. */
function replacement(repl: string, matched: string): string {
  if (!repl.includes('&') && !repl.includes('\\')) return repl;
  let out = '';
  for (let i = 0; i < repl.length; i++) {
    const c = repl[i];
    if (c === '\\' && (repl[i + 1] === '&' || repl[i + 1] === '\\')) { out += repl[++i]; continue; }
    out += c === '&' ? matched : c;
  }
  return out;
}
