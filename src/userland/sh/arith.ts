// Arithmetic expansion, a port of dash's arith_yacc.c / arith_yylex.c: an evaluating recursive
// descent parser over intmax_t (BigInt here, wrapped to 64 bits) with dash's operator set:
// unary + - ! ~, * / %, + -, << >>, < <= > >=, == !=, &, ^, |, &&, ||, ?:, = and op=.
// No ++/--, no comma, as in dash 0.5.12. Error texts are dash's:
// `arithmetic expression: division by zero: "1/0"`.
import { ShError } from './errors.ts';

export interface ArithVars {
  get(name: string): string | null | undefined;
  set(name: string, value: string): void;
}

const enum T {
  EOF = 0, NUM, VAR, LPAREN, RPAREN, BAD, QMARK, COLON, NOT, BNOT, AND, OR,
  // binary operators, in dash's token order (precedence table below)
  MUL, DIV, REM, ADD, SUB, LSHIFT, RSHIFT, LT, LE, GT, GE, EQ, NE, BAND, BXOR, BOR,
  ASS,
  // op= tokens are the binary token + ASSOFF
  MULASS, DIVASS, REMASS, ADDASS, SUBASS, LSHIFTASS, RSHIFTASS, BANDASS = 55, BXORASS, BORASS,
}
const ASSOFF = T.MULASS - T.MUL;
const BINMIN = T.MUL;
const BINMAX = T.BOR + 1;
const PREC: Record<number, number> = {
  [T.MUL]: 0, [T.DIV]: 0, [T.REM]: 0, [T.ADD]: 1, [T.SUB]: 1, [T.LSHIFT]: 2, [T.RSHIFT]: 2,
  [T.LT]: 3, [T.LE]: 3, [T.GT]: 3, [T.GE]: 3, [T.EQ]: 4, [T.NE]: 4, [T.BAND]: 5, [T.BXOR]: 6, [T.BOR]: 7,
};
const MAXPREC = 8;
const isBin = (t: number): boolean => t >= BINMIN && t < BINMAX;
const isAssignOp = (t: number): boolean =>
  t === T.ASS || (t >= T.MULASS && t <= T.RSHIFTASS) || t === T.BANDASS || t === T.BXORASS || t === T.BORASS;
const assBase = (t: number): number => (t === T.BANDASS ? T.BAND : t === T.BXORASS ? T.BXOR : t === T.BORASS ? T.BOR : t - ASSOFF);

const I64 = (v: bigint): bigint => BigInt.asIntN(64, v);
const MAX = (1n << 63n) - 1n;
const MIN = -(1n << 63n);

export interface StrtoResult { value: bigint; end: number; erange: boolean }

/** glibc strtoimax(s + start, &end, base) for base 0 or 10. */
export function strtoimax(s: string, start: number, base: 0 | 10): StrtoResult {
  let i = start;
  while (i < s.length && (s[i] === ' ' || (s[i] >= '\t' && s[i] <= '\r'))) i++;
  let neg = false;
  if (s[i] === '+' || s[i] === '-') { neg = s[i] === '-'; i++; }
  let b = base === 10 ? 10 : 10;
  if (base === 0) {
    if (s[i] === '0' && (s[i + 1] === 'x' || s[i + 1] === 'X') && /[0-9a-fA-F]/.test(s[i + 2] ?? '')) { b = 16; i += 2; }
    else if (s[i] === '0') b = 8;
  }
  const digitsStart = i;
  let v = 0n;
  const B = BigInt(b);
  for (; i < s.length; i++) {
    const d = digitVal(s.charCodeAt(i));
    if (d < 0 || d >= b) break;
    v = v * B + BigInt(d);
  }
  if (i === digitsStart) return { value: 0n, end: start, erange: false };
  if (neg) v = -v;
  if (v > MAX) return { value: MAX, end: i, erange: true };
  if (v < MIN) return { value: MIN, end: i, erange: true };
  return { value: v, end: i, erange: false };
}
function digitVal(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 122) return c - 87;
  if (c >= 65 && c <= 90) return c - 55;
  return -1;
}

/** dash's atomax(s, 0) as used by lookupvarint: trailing blanks allowed, garbage is an error. */
export function atomaxArith(s: string): bigint {
  const r = strtoimax(s, 0, 0);
  if (r.erange) throw new ShError(`Illegal number: ${s}`);
  let p = r.end;
  while (p < s.length && isSpace(s.charCodeAt(p))) p++;
  if (p < s.length) throw new ShError(`Illegal number: ${s}`);
  return r.value;
}
const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);
const isNameStart = (c: number): boolean => c === 95 || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isInName = (c: number): boolean => isNameStart(c) || (c >= 48 && c <= 57);

class Arith {
  private pos = 0;
  private last: number = T.EOF;
  private yval: bigint = 0n;
  private yname = '';

  constructor(private readonly s: string, private readonly vars: ArithVars) {}

  error(msg: string): never {
    throw new ShError(`arithmetic expression: ${msg}: "${this.s}"`);
  }

  lex(): number {
    const s = this.s;
    let p = this.pos;
    for (;;) {
      const ch = s[p];
      if (ch === ' ' || ch === '\t' || ch === '\n') { p++; continue; }
      if (ch === undefined) { this.pos = p; return T.EOF; }
      const c = s.charCodeAt(p);
      if (c >= 48 && c <= 57) {
        const r = strtoimax(s, p, 0);
        this.yval = r.value;
        this.pos = r.end;
        return T.NUM;
      }
      if (isNameStart(c)) {
        const st = p;
        p++;
        while (p < s.length && isInName(s.charCodeAt(p))) p++;
        this.yname = s.slice(st, p);
        this.pos = p;
        return T.VAR;
      }
      const n = s[p + 1];
      let t: number;
      let len = 1;
      switch (ch) {
        case '=': if (n === '=') { t = T.EQ; len = 2; } else t = T.ASS; break;
        case '>':
          if (n === '=') { t = T.GE; len = 2; } else if (n === '>') { t = s[p + 2] === '=' ? T.RSHIFTASS : T.RSHIFT; len = t === T.RSHIFT ? 2 : 3; } else t = T.GT;
          break;
        case '<':
          if (n === '=') { t = T.LE; len = 2; } else if (n === '<') { t = s[p + 2] === '=' ? T.LSHIFTASS : T.LSHIFT; len = t === T.LSHIFT ? 2 : 3; } else t = T.LT;
          break;
        case '|': if (n === '|') { t = T.OR; len = 2; } else if (n === '=') { t = T.BORASS; len = 2; } else t = T.BOR; break;
        case '&': if (n === '&') { t = T.AND; len = 2; } else if (n === '=') { t = T.BANDASS; len = 2; } else t = T.BAND; break;
        case '!': if (n === '=') { t = T.NE; len = 2; } else t = T.NOT; break;
        case '(': t = T.LPAREN; break;
        case ')': t = T.RPAREN; break;
        case '*': t = n === '=' ? T.MULASS : T.MUL; len = n === '=' ? 2 : 1; break;
        case '/': t = n === '=' ? T.DIVASS : T.DIV; len = n === '=' ? 2 : 1; break;
        case '%': t = n === '=' ? T.REMASS : T.REM; len = n === '=' ? 2 : 1; break;
        case '+': t = n === '=' ? T.ADDASS : T.ADD; len = n === '=' ? 2 : 1; break;
        case '-': t = n === '=' ? T.SUBASS : T.SUB; len = n === '=' ? 2 : 1; break;
        case '^': t = n === '=' ? T.BXORASS : T.BXOR; len = n === '=' ? 2 : 1; break;
        case '~': t = T.BNOT; break;
        case '?': t = T.QMARK; break;
        case ':': t = T.COLON; break;
        default: this.pos = p; return T.BAD;
      }
      this.pos = p + len;
      return t;
    }
  }

  lookup(name: string): bigint {
    const v = this.vars.get(name);
    return atomaxArith(v ?? '0');
  }

  binop(op: number, a: bigint, b: bigint): bigint {
    switch (op) {
      case T.REM: case T.DIV:
        if (b === 0n) this.error('division by zero');
        // INTMAX_MIN / -1 traps on x86 (SIGFPE); we wrap instead.
        return I64(op === T.REM ? a % b : a / b);
      case T.MUL: return I64(a * b);
      case T.ADD: return I64(a + b);
      case T.SUB: return I64(a - b);
      // x86 masks the shift count to 6 bits.
      case T.LSHIFT: return I64(a << (b & 63n));
      case T.RSHIFT: return a >> (b & 63n);
      case T.LT: return a < b ? 1n : 0n;
      case T.LE: return a <= b ? 1n : 0n;
      case T.GT: return a > b ? 1n : 0n;
      case T.GE: return a >= b ? 1n : 0n;
      case T.EQ: return a === b ? 1n : 0n;
      case T.NE: return a !== b ? 1n : 0n;
      case T.BAND: return a & b;
      case T.BXOR: return a ^ b;
      default: return a | b;
    }
  }

  primary(token: number, val: { v: bigint; name: string }, op: number, noeval: boolean): bigint {
    for (;;) {
      switch (token) {
        case T.LPAREN: {
          const r = this.assignment(op, noeval);
          if (this.last !== T.RPAREN) this.error("expecting ')'");
          this.last = this.lex();
          return r;
        }
        case T.NUM:
          this.last = op;
          return val.v;
        case T.VAR:
          this.last = op;
          return noeval ? val.v : this.lookup(val.name);
        case T.ADD:
          token = op;
          val.v = this.yval; val.name = this.yname;
          op = this.lex();
          continue;
        case T.SUB: {
          val.v = this.yval; val.name = this.yname;
          return I64(-this.primary(op, val, this.lex(), noeval));
        }
        case T.NOT:
          val.v = this.yval; val.name = this.yname;
          return this.primary(op, val, this.lex(), noeval) ? 0n : 1n;
        case T.BNOT:
          val.v = this.yval; val.name = this.yname;
          return ~this.primary(op, val, this.lex(), noeval);
        default:
          this.error('expecting primary');
      }
    }
  }

  binop2(a: bigint, op: number, prec: number, noeval: boolean): bigint {
    for (;;) {
      const token = this.lex();
      const val = { v: this.yval, name: this.yname };
      let b = this.primary(token, val, this.lex(), noeval);
      let op2 = this.last;
      if (isBin(op2) && PREC[op2] < PREC[op]) {
        b = this.binop2(b, op2, PREC[op], noeval);
        op2 = this.last;
      }
      a = noeval ? b : this.binop(op, a, b);
      if (!isBin(op2) || PREC[op2] >= prec) return a;
      op = op2;
    }
  }

  binopTop(token: number, val: { v: bigint; name: string }, op: number, noeval: boolean): bigint {
    const a = this.primary(token, val, op, noeval);
    op = this.last;
    if (!isBin(op)) return a;
    return this.binop2(a, op, MAXPREC, noeval);
  }

  and(token: number, val: { v: bigint; name: string }, op: number, noeval: boolean): bigint {
    const a = this.binopTop(token, val, op, noeval);
    if (this.last !== T.AND) return a;
    token = this.lex();
    val.v = this.yval; val.name = this.yname;
    const b = this.and(token, val, this.lex(), noeval || !a);
    return a && b ? 1n : 0n;
  }

  or(token: number, val: { v: bigint; name: string }, op: number, noeval: boolean): bigint {
    const a = this.and(token, val, op, noeval);
    if (this.last !== T.OR) return a;
    token = this.lex();
    val.v = this.yval; val.name = this.yname;
    const b = this.or(token, val, this.lex(), noeval || !!a);
    return a || b ? 1n : 0n;
  }

  cond(token: number, val: { v: bigint; name: string }, op: number, noeval: boolean): bigint {
    const a = this.or(token, val, op, noeval);
    if (this.last !== T.QMARK) return a;
    const b = this.assignment(this.lex(), noeval || !a);
    if ((this.last as number) !== T.COLON) this.error("expecting ':'");
    token = this.lex();
    val.v = this.yval; val.name = this.yname;
    const c = this.cond(token, val, this.lex(), noeval || !!a);
    return a ? b : c;
  }

  assignment(v: number, noeval: boolean): bigint {
    const val = { v: this.yval, name: this.yname };
    const op = this.lex();
    if (v !== T.VAR || !isAssignOp(op)) return this.cond(v, val, op, noeval);
    const result = this.assignment(this.lex(), noeval);
    if (noeval) return result;
    const r = op === T.ASS ? result : this.binop(assBase(op), this.lookup(val.name), result);
    this.vars.set(val.name, r.toString());
    return r;
  }

  run(): bigint {
    const r = this.assignment(this.lex(), false);
    if (this.last !== T.EOF) this.error('expecting EOF');
    return r;
  }
}

/** Evaluate an arithmetic expression as dash's arith() does. Throws ShError on errors. */
export function arith(expr: string, vars: ArithVars): bigint {
  return new Arith(expr, vars).run();
}
