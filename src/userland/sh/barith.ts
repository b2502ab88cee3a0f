// bash's arithmetic (expr.c), used in bash mode: dash's operators plus ++/-- (pre and post),
// ** (exponentiation), the comma operator, base#digits constants, and variables whose values are
// themselves expressions. 64-bit wrapping like intmax_t. Messages follow bash's
// "expr: message (error token is "rest")".
import { ShError } from './errors.ts';
import type { ArithVars } from './arith.ts';

const I64 = (v: bigint): bigint => BigInt.asIntN(64, v);

const BIN: Record<string, number> = {
  '||': 1, '&&': 2, '|': 3, '^': 4, '&': 5, '==': 6, '!=': 6, '<': 7, '>': 7, '<=': 7, '>=': 7,
  '<<': 8, '>>': 8, '+': 9, '-': 9, '*': 10, '/': 10, '%': 10, '**': 12,
};
const ASSIGN = new Set(['=', '*=', '/=', '%=', '+=', '-=', '<<=', '>>=', '&=', '^=', '|=']);
const OPS = ['<<=', '>>=', '**', '++', '--', '||', '&&', '==', '!=', '<=', '>=', '<<', '>>', '*=', '/=', '%=',
  '+=', '-=', '&=', '^=', '|=', '+', '-', '*', '/', '%', '<', '>', '&', '|', '^', '!', '~', '?', ':', '=',
  '(', ')', ','];

interface Tok { t: 'num' | 'var' | 'op' | 'eof'; v: string; pos: number }

class BashArith {
  private toks: Tok[] = [];
  private i = 0;
  constructor(private readonly expr: string, private readonly vars: ArithVars, private readonly depth: number) {
    this.lex();
  }

  /** bash's evalerror(): the expression without its leading blanks, and the text from the
   * token being read when it failed (the last real one at the end). */
  private error(msg: string, at = this.i, tokenOnly = false): never {
    let tok = this.toks[at];
    let e: ShError;
    if (tokenOnly && tok) e = new ShError(`${tok.v}: ${msg} (error token is "${tok.v}")`, 1);
    else {
      if (tok && tok.t === 'eof' && at > 0) tok = this.toks[at - 1];
      const rest = tok ? this.expr.slice(tok.pos) : '';
      e = new ShError(`${this.expr.replace(/^[ \t\n]+/, '')}: ${msg} (error token is "${rest}")`, 1);
    }
    // bash abandons the rest of the command line (DISCARD), status 1.
    e.discard = true;
    throw e;
  }

  private lex(): void {
    const s = this.expr;
    let p = 0;
    while (p < s.length) {
      const c = s[p];
      if (c === ' ' || c === '\t' || c === '\n') { p++; continue; }
      // A number runs on over letters, digits, @, _ and # (bash's readtok), checked when used.
      const m = /^[0-9][0-9A-Za-z@_#]*/.exec(s.slice(p));
      if (m && c >= '0' && c <= '9') {
        this.toks.push({ t: 'num', v: m[0], pos: p });
        p += m[0].length;
        continue;
      }
      const n = /^[A-Za-z_][A-Za-z0-9_]*/.exec(s.slice(p));
      if (n) {
        let v = n[0];
        // name[subscript] (expr.c's expr_streval with the array reference): the subscript runs
        // to the matching ']' and is evaluated when the element is read or assigned.
        if (s[p + v.length] === '[') {
          let depth = 0, q = p + v.length;
          for (; q < s.length; q++) {
            if (s[q] === '[') depth++;
            else if (s[q] === ']' && --depth === 0) break;
          }
          if (q >= s.length) {
            this.toks.push({ t: 'op', v: s.slice(p + v.length), pos: p + v.length });
            this.i = this.toks.length - 1;
            this.error("syntax error: invalid arithmetic operator");
          }
          v = s.slice(p, q + 1);
        }
        this.toks.push({ t: 'var', v, pos: p });
        p += v.length;
        continue;
      }
      const op = OPS.find((o) => s.startsWith(o, p));
      if (!op) {
        this.toks.push({ t: 'op', v: s.slice(p), pos: p });
        this.i = this.toks.length - 1;
        this.error('syntax error: invalid arithmetic operator');
      }
      this.toks.push({ t: 'op', v: op, pos: p });
      p += op.length;
    }
    this.toks.push({ t: 'eof', v: '', pos: s.length });
  }

  private peek(): Tok {
    return this.toks[this.i];
  }

  private isOp(v: string): boolean {
    const t = this.toks[this.i];
    return t.t === 'op' && t.v === v;
  }

  private num(s: string, at: number): bigint {
    const h = s.indexOf('#');
    if (h > 0) {
      const base = Number(s.slice(0, h));
      if (base < 2 || base > 64) this.error('invalid arithmetic base', at, true);
      let v = 0n;
      for (const ch of s.slice(h + 1)) {
        let d: number;
        if (ch >= '0' && ch <= '9') d = ch.charCodeAt(0) - 48;
        else if (ch >= 'a' && ch <= 'z') d = ch.charCodeAt(0) - 87;
        else if (ch >= 'A' && ch <= 'Z') d = base <= 36 ? ch.charCodeAt(0) - 55 : ch.charCodeAt(0) - 29;
        else d = ch === '@' ? 62 : 63;
        if (d >= base) this.error('value too great for base', at, true);
        v = v * BigInt(base) + BigInt(d);
      }
      return I64(v);
    }
    if (/^0[xX]/.test(s)) {
      if (!/^0[xX][0-9A-Fa-f]+$/.test(s)) this.error('value too great for base', at, true);
      return I64(BigInt(s));
    }
    if (s.length > 1 && s[0] === '0') {
      if (!/^[0-7]+$/.test(s)) this.error('value too great for base', at, true);
      return I64(BigInt(`0o${s.slice(1)}`));
    }
    if (!/^[0-9]+$/.test(s)) this.error('value too great for base', at, true);
    return I64(BigInt(s));
  }

  private value(name: string): bigint {
    const v = this.vars.get(name);
    if (v === null || v === undefined || v.trim() === '') return 0n;
    if (this.depth > 1024) throw new ShError(`${name}: expression recursion level exceeded`, 1);
    return new BashArith(v, this.vars, this.depth + 1).run();
  }

  run(): bigint {
    if (this.peek().t === 'eof') return 0n;
    const v = this.comma(false);
    if (this.peek().t !== 'eof') this.error('syntax error in expression');
    return v;
  }

  private comma(noeval: boolean): bigint {
    let v = this.assign(noeval);
    while (this.isOp(',')) {
      this.i++;
      v = this.assign(noeval);
    }
    return v;
  }

  private assign(noeval: boolean): bigint {
    const t = this.peek();
    const next = this.toks[this.i + 1];
    if (t.t === 'var' && next.t === 'op' && ASSIGN.has(next.v)) {
      this.i += 2;
      const r = this.assign(noeval);
      if (noeval) return r;
      const v = next.v === '=' ? r : this.binop(next.v.slice(0, -1), this.value(t.v), r);
      this.vars.set(t.v, v.toString());
      return v;
    }
    return this.cond(noeval);
  }

  private cond(noeval: boolean): bigint {
    const c = this.binary(1, noeval);
    if (!this.isOp('?')) return c;
    this.i++;
    const a = this.comma(noeval || c === 0n);
    if (!this.isOp(':')) this.error("`:' expected for conditional expression");
    this.i++;
    const b = this.cond(noeval || c !== 0n);
    return c !== 0n ? a : b;
  }

  private binary(minPrec: number, noeval: boolean): bigint {
    let left = this.unary(noeval);
    for (;;) {
      const t = this.peek();
      if (t.t !== 'op' || !(t.v in BIN) || BIN[t.v] < minPrec) return left;
      const op = t.v;
      const prec = BIN[op];
      this.i++;
      if (op === '&&' || op === '||') {
        const skip = op === '&&' ? left === 0n : left !== 0n;
        const right = this.binary(prec + 1, noeval || skip);
        left = op === '&&' ? (left !== 0n && right !== 0n ? 1n : 0n) : (left !== 0n || right !== 0n ? 1n : 0n);
        continue;
      }
      const right = this.binary(op === '**' ? prec : prec + 1, noeval);
      left = noeval ? 0n : this.binop(op, left, right);
    }
  }

  private binop(op: string, a: bigint, b: bigint): bigint {
    switch (op) {
      case '+': return I64(a + b);
      case '-': return I64(a - b);
      case '*': return I64(a * b);
      case '/': case '%':
        if (b === 0n) this.error('division by 0', this.i - 1);
        return I64(op === '/' ? a / b : a % b);
      case '**':
        if (b < 0n) this.error('exponent less than 0');
        return I64(a ** b);
      case '<<': return I64(a << (b & 63n));
      case '>>': return a >> (b & 63n);
      case '<': return a < b ? 1n : 0n;
      case '>': return a > b ? 1n : 0n;
      case '<=': return a <= b ? 1n : 0n;
      case '>=': return a >= b ? 1n : 0n;
      case '==': return a === b ? 1n : 0n;
      case '!=': return a !== b ? 1n : 0n;
      case '&': return a & b;
      case '|': return a | b;
      default: return a ^ b;
    }
  }

  private unary(noeval: boolean): bigint {
    const t = this.peek();
    if (t.t === 'op') {
      switch (t.v) {
        case '-': this.i++; return I64(-this.unary(noeval));
        case '+': this.i++; return this.unary(noeval);
        case '!': this.i++; return this.unary(noeval) === 0n ? 1n : 0n;
        case '~': this.i++; return ~this.unary(noeval);
        case '++': case '--': {
          this.i++;
          const v = this.peek();
          if (v.t !== 'var') this.error('syntax error: operand expected');
          this.i++;
          if (noeval) return 0n;
          const r = I64(this.value(v.v) + (t.v === '++' ? 1n : -1n));
          this.vars.set(v.v, r.toString());
          return r;
        }
      }
    }
    return this.postfix(noeval);
  }

  private postfix(noeval: boolean): bigint {
    const t = this.peek();
    if (t.t === 'num') {
      this.i++;
      return this.num(t.v, this.i - 1);
    }
    if (t.t === 'var') {
      this.i++;
      if (this.isOp('++') || this.isOp('--')) {
        const op = this.peek().v;
        this.i++;
        if (noeval) return 0n;
        const old = this.value(t.v);
        this.vars.set(t.v, I64(old + (op === '++' ? 1n : -1n)).toString());
        return old;
      }
      return noeval ? 0n : this.value(t.v);
    }
    if (this.isOp('(')) {
      this.i++;
      const v = this.comma(noeval);
      if (!this.isOp(')')) this.error("missing `)'");
      this.i++;
      return v;
    }
    this.error('syntax error: operand expected');
  }
}

/** Evaluate a bash arithmetic expression. */
export function bashArith(expr: string, vars: ArithVars): bigint {
  return new BashArith(expr, vars, 0).run();
}
