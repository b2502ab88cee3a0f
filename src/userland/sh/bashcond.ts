// bash's [[ ]] and (( )) (execute_cmd.c / test.c): words are expanded without splitting or
// globbing; == and != match the right side as a pattern (quoted parts literal); =~ is a POSIX
// ERE (glibc's, via text/regex.ts) setting BASH_REMATCH; -eq and friends evaluate arithmetic.
import type { ArithCmdNode, CondExpr, CondNode, Word } from './ast.ts';
import type { UserGen } from '../../uapi/syscalls.ts';
import { TestError } from '../lib/testexpr.ts';
import { binaryTest, unaryTest } from './bashtestops.ts';
import { compileRegex, RegexError } from '../text/regex.ts';
import { evalArith } from './arithctx.ts';
import { ShError } from './errors.ts';
import { EXP_TILDE, expandPattern, expandString } from './expand.ts';
import { warnx } from './output.ts';
import { casematch, chargeMatching } from './pattern.ts';
import type { ShState } from './state.ts';

/** Arithmetic for [[ -eq ]] and (( )): bash names the command before the message. */
function arithOf(sh: ShState, s: string, what = '[['): bigint {
  try {
    return evalArith(sh, s);
  } catch (e) {
    if (e instanceof ShError && !e.message.startsWith(`${what}: `)) {
      const r = new ShError(`${what}: ${e.message}`, e.status, e.bashMessage === undefined ? undefined : `${what}: ${e.bashMessage}`);
      r.bashStatus = e.bashStatus;
      throw r;
    }
    throw e;
  }
}

/** The right side of =~: quoted pieces match literally. */
function* regexSource(sh: ShState, w: Word): UserGen<string> {
  let out = '';
  for (const p of w) {
    const s = yield* expandString(sh, [p], EXP_TILDE);
    const quoted = p.k === 'lit' ? p.q : 'q' in p ? p.q : false;
    out += quoted ? s.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&') : s;
  }
  return out;
}

function* cond(sh: ShState, e: CondExpr): UserGen<boolean> {
  switch (e.t) {
    case 'and': return (yield* cond(sh, e.l)) && (yield* cond(sh, e.r));
    case 'or': return (yield* cond(sh, e.l)) || (yield* cond(sh, e.r));
    case 'not': return !(yield* cond(sh, e.e));
    case 'paren': return yield* cond(sh, e.e);
    case 'word': return (yield* expandString(sh, e.a, EXP_TILDE)) !== '';
    case 'unary': {
      const a = yield* expandString(sh, e.a, EXP_TILDE);
      // execute_cond_node() calls test.c's unary_test() as the test builtin does.
      return yield* unaryTest(sh, e.op, a);
    }
    case 'binary': {
      const a = yield* expandString(sh, e.a, EXP_TILDE);
      switch (e.op) {
        case '=': case '==': case '!=': {
          const r = casematch(sh, yield* expandPattern(sh, e.b), a, true);
          yield* chargeMatching();
          return e.op === '!=' ? !r : r;
        }
        case '<': return a < (yield* expandString(sh, e.b, EXP_TILDE));
        case '>': return a > (yield* expandString(sh, e.b, EXP_TILDE));
        case '=~': {
          const src = yield* regexSource(sh, e.b);
          let re;
          try {
            re = compileRegex(src, { extended: true, icase: sh.shopt.has('nocasematch') });
          } catch (err) {
            if (err instanceof RegexError) throw new CondError(2);
            throw err;
          }
          const m = re.exec(a);
          const v = sh.vars.get('BASH_REMATCH');
          const arr = m ? m.groups.map((g) => g ?? '') : [];
          if (v) { v.arr = arr; v.assoc = undefined; v.v = arr[0] ?? null; } else sh.vars.set('BASH_REMATCH', { v: arr[0] ?? null, flags: 0, arr });
          return !!m;
        }
        case '-nt': case '-ot': case '-ef':
          return yield* binaryTest(e.op, a, yield* expandString(sh, e.b, EXP_TILDE), (s) => arithOf(sh, s));
        default: {
          const b = yield* expandString(sh, e.b, EXP_TILDE);
          const x = arithOf(sh, a);
          const y = arithOf(sh, b);
          switch (e.op) {
            case '-eq': return x === y;
            case '-ne': return x !== y;
            case '-lt': return x < y;
            case '-le': return x <= y;
            case '-gt': return x > y;
            default: return x >= y;
          }
        }
      }
    }
  }
}

class CondError extends Error {
  constructor(readonly status: number) {
    super('cond');
  }
}

export function* evalCond(sh: ShState, n: CondNode): UserGen<number> {
  sh.errlinno = sh.lineno = n.line;
  try {
    return (yield* cond(sh, n.expr)) ? 0 : 1;
  } catch (e) {
    if (e instanceof CondError) return e.status;
    if (e instanceof TestError) {
      yield* warnx(sh, e.message);
      return 2;
    }
    if (e instanceof ShError) {
      yield* warnx(sh, e.message);
      return 1;
    }
    throw e;
  }
}

export function* evalArithCmd(sh: ShState, n: ArithCmdNode): UserGen<number> {
  sh.errlinno = sh.lineno = n.line;
  const s = yield* expandString(sh, n.expr, 0);
  try {
    return arithOf(sh, s, '((') !== 0n ? 0 : 1;
  } catch (e) {
    if (e instanceof ShError) {
      yield* warnx(sh, e.message);
      return 1;
    }
    throw e;
  }
}
