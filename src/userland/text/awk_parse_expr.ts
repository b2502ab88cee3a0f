// The awk expression grammar (POSIX precedence, lowest first: ?:, ||, &&, in, ~, relational,
// "cmd | getline", concatenation, additive, multiplicative, unary, ^, ++/--, $, grouping) and the
// parser's token helpers. Statements and programs are in awk_parse.ts.
import type { AwkFunction, Expr } from './awk_ast.ts';
import { AwkSyntaxError, Lexer } from './awk_lex.ts';
import type { Token } from './awk_lex.ts';
import { PosixRegex, RegexError, translate } from './regex.ts';

/** Compile an awk regex (literal or dynamic) as mawk reads it. */
export function awkRegex(src: string): PosixRegex {
  return new PosixRegex(translate(src, { awk: true }));
}

const ASSIGN_OPS = new Set(['=', '+=', '-=', '*=', '/=', '%=', '^=']);
const CMP_OPS = new Set(['<', '<=', '!=', '==', '>', '>=']);

export class ExprParser {
  protected readonly lex: Lexer;
  protected tok: Token;
  /** Inside print's arguments (outside parentheses): '>' redirects. */
  protected noGt = false;
  protected readonly funcs = new Map<string, AwkFunction>();
  protected readonly eofLine: number;

  constructor(src: string) {
    this.lex = new Lexer(src);
    // mawk reports end-of-program errors one line past the last newline plus one.
    this.eofLine = 2 + (src.match(/\n/g)?.length ?? 0);
    this.tok = this.lex.next();
  }

  protected advance(): Token {
    const t = this.tok;
    this.tok = this.lex.next();
    return t;
  }
  protected isOp(v: string): boolean { return this.tok.type === 'OP' && this.tok.value === v; }
  protected isKw(v: string): boolean { return this.tok.type === 'KEYWORD' && this.tok.value === v; }
  protected fail(): never {
    const t = this.tok;
    if (t.type === 'EOF') throw new AwkSyntaxError(this.eofLine, 'syntax error at or near end of file');
    const near = t.type === 'NEWLINE' ? 'end of line' : t.type === 'STRING' ? `"${t.value}"` : t.type === 'ERE' ? `/${t.value}/` : t.value;
    throw new AwkSyntaxError(t.line, `syntax error at or near ${near}`);
  }
  protected expectOp(v: string): void {
    if (!this.isOp(v)) {
      if (v === '}' && this.tok.type === 'EOF') throw new AwkSyntaxError(this.eofLine, 'missing } near end of file');
      this.fail();
    }
    this.advance();
  }
  protected optNewlines(): void {
    while (this.tok.type === 'NEWLINE') this.advance();
  }
  protected skipTerminators(): void {
    while (this.tok.type === 'NEWLINE' || this.isOp(';')) this.advance();
  }

  protected save(): [Token, ReturnType<Lexer['save']>] { return [this.tok, this.lex.save()]; }
  protected restore(s: [Token, ReturnType<Lexer['save']>]): void {
    this.tok = s[0];
    this.lex.restore(s[1]);
  }

  protected exprList(close: string): Expr[] {
    const list: Expr[] = [];
    this.optNewlines();
    while (!this.isOp(close)) {
      list.push(this.expr());
      this.optNewlines();
      if (this.isOp(',')) { this.advance(); this.optNewlines(); } else if (!this.isOp(close)) this.fail();
    }
    this.advance();
    return list;
  }

  // --- expressions, lowest precedence first -------------------------------------------------

  expr(): Expr {
    const left = this.ternary();
    if (this.tok.type === 'OP' && ASSIGN_OPS.has(this.tok.value) && isLvalue(left)) {
      const op = this.advance().value;
      this.optNewlines();
      return { k: 'assign', op, target: left, value: this.expr() };
    }
    return left;
  }

  protected ternary(): Expr {
    const test = this.or();
    if (!this.isOp('?')) return test;
    this.advance();
    this.optNewlines();
    const yes = this.expr();
    this.optNewlines();
    this.expectOp(':');
    this.optNewlines();
    const no = this.expr();
    return { k: 'cond', test, yes, no };
  }

  protected or(): Expr {
    let left = this.and();
    while (this.isOp('||')) { this.advance(); this.optNewlines(); left = { k: 'or', left, right: this.and() }; }
    return left;
  }
  protected and(): Expr {
    let left = this.inExpr();
    while (this.isOp('&&')) { this.advance(); this.optNewlines(); left = { k: 'and', left, right: this.inExpr() }; }
    return left;
  }
  protected inExpr(): Expr {
    let left = this.matchExpr();
    while (this.isKw('in')) {
      this.advance();
      const n = this.advance();
      if (n.type !== 'NAME') this.fail();
      left = { k: 'in', subs: left.k === 'group' ? left.items : [left], name: n.value };
    }
    return left;
  }
  protected matchExpr(): Expr {
    let left = this.cmp();
    while (this.isOp('~') || this.isOp('!~')) {
      const neg = this.advance().value === '!~';
      left = { k: 'match', neg, left, re: this.cmp() };
    }
    return left;
  }
  protected cmp(): Expr {
    const left = this.pipeGetline();
    if (this.tok.type === 'OP' && CMP_OPS.has(this.tok.value) && !(this.noGt && this.tok.value === '>')) {
      const op = this.advance().value;
      return { k: 'cmp', op, left, right: this.pipeGetline() };
    }
    return left;
  }
  protected pipeGetline(): Expr {
    let left = this.concat();
    for (;;) {
      if (!this.isOp('|')) return left;
      const save = this.save();
      this.advance();
      if (!this.isKw('getline')) { this.restore(save); return left; }
      this.advance();
      left = { k: 'getline', kind: 'cmd', src: left, target: this.optLvalue() };
    }
  }
  protected concat(): Expr {
    const first = this.additive();
    if (!this.startsOperand()) return first;
    const parts = [first];
    while (this.startsOperand()) parts.push(this.additive());
    return { k: 'concat', parts };
  }
  protected startsOperand(): boolean {
    const t = this.tok;
    if (t.type === 'NUMBER' || t.type === 'STRING' || t.type === 'ERE' || t.type === 'NAME' ||
      t.type === 'FUNC_NAME' || t.type === 'BUILTIN') return true;
    if (t.type === 'OP') return t.value === '$' || t.value === '(' || t.value === '!' || t.value === '++' || t.value === '--' || t.value === '-' || t.value === '+';
    return false;
  }
  protected additive(): Expr {
    let left = this.mul();
    while (this.isOp('+') || this.isOp('-')) {
      const op = this.advance().value;
      left = { k: 'bin', op, left, right: this.mul() };
    }
    return left;
  }
  protected mul(): Expr {
    let left = this.unary();
    while (this.isOp('*') || this.isOp('/') || this.isOp('%')) {
      const op = this.advance().value;
      left = { k: 'bin', op, left, right: this.unary() };
    }
    return left;
  }
  protected unary(): Expr {
    if (this.isOp('!') || this.isOp('-') || this.isOp('+')) {
      const op = this.advance().value;
      return { k: 'unary', op, e: this.unary() };
    }
    return this.power();
  }
  protected power(): Expr {
    const base = this.postfix();
    if (!this.isOp('^')) return base;
    this.advance();
    return { k: 'bin', op: '^', left: base, right: this.unary() };
  }
  protected postfix(): Expr {
    const e = this.primary();
    if ((this.isOp('++') || this.isOp('--')) && isLvalue(e)) {
      return { k: 'incdec', op: this.advance().value as '++', prefix: false, target: e };
    }
    return e;
  }

  protected optLvalue(): Expr | null {
    if (this.isOp('$')) { this.advance(); return { k: 'field', index: this.fieldIndex() }; }
    if (this.tok.type === 'NAME') return this.nameRef();
    return null;
  }
  protected fieldIndex(): Expr {
    if (this.isOp('++') || this.isOp('--')) {
      const op = this.advance().value as '++';
      return { k: 'incdec', op, prefix: true, target: this.lvaluePrimary() };
    }
    if (this.isOp('-') || this.isOp('!') || this.isOp('+')) {
      const op = this.advance().value;
      return { k: 'unary', op, e: this.fieldIndex() };
    }
    return this.primary();
  }
  protected nameRef(): Expr {
    const n = this.advance();
    if (this.isOp('[')) { this.advance(); return { k: 'index', name: n.value, subs: this.exprList(']'), line: n.line }; }
    return { k: 'var', name: n.value, line: n.line };
  }
  protected lvaluePrimary(): Expr {
    const e = this.primary();
    if (!isLvalue(e)) this.fail();
    return e;
  }

  protected primary(): Expr {
    const t = this.tok;
    switch (t.type) {
      case 'NUMBER': this.advance(); return { k: 'num', v: t.num! };
      case 'STRING': this.advance(); return { k: 'str', v: t.value };
      case 'ERE': {
        this.advance();
        try {
          return { k: 're', re: awkRegex(t.value), src: t.value };
        } catch (e) {
          if (e instanceof RegexError) throw new AwkSyntaxError(t.line, `regular expression compile failed (${e.message})\n${t.value}`);
          throw e;
        }
      }
      case 'NAME': return this.nameRef();
      case 'FUNC_NAME': {
        this.advance();
        this.expectOp('(');
        return { k: 'call', name: t.value, args: this.exprList(')') };
      }
      case 'BUILTIN': {
        this.advance();
        if (!this.isOp('(')) {
          if (t.value === 'length') return { k: 'builtin', name: t.value, args: [] };
          this.fail();
        }
        this.advance();
        const saved = this.noGt;
        this.noGt = false;
        const args = this.exprList(')');
        this.noGt = saved;
        return { k: 'builtin', name: t.value, args };
      }
      case 'KEYWORD':
        if (t.value === 'getline') {
          this.advance();
          const target = this.optLvalue();
          if (this.isOp('<')) {
            this.advance();
            return { k: 'getline', kind: 'file', target, src: this.postfixNoConcat() };
          }
          return { k: 'getline', kind: 'simple', target, src: null };
        }
        break;
      case 'OP':
        if (t.value === '$') { this.advance(); return { k: 'field', index: this.fieldIndex() }; }
        if (t.value === '++' || t.value === '--') {
          this.advance();
          return { k: 'incdec', op: t.value, prefix: true, target: this.lvaluePrimary() };
        }
        if (t.value === '-' || t.value === '+' || t.value === '!') {
          this.advance();
          return { k: 'unary', op: t.value, e: this.unary() };
        }
        if (t.value === '(') {
          this.advance();
          const saved = this.noGt;
          this.noGt = false;
          this.optNewlines();
          const e = this.expr();
          this.optNewlines();
          if (this.isOp(',')) {
            const items = [e];
            while (this.isOp(',')) { this.advance(); this.optNewlines(); items.push(this.expr()); this.optNewlines(); }
            this.expectOp(')');
            this.noGt = saved;
            return { k: 'group', items };
          }
          this.expectOp(')');
          this.noGt = saved;
          return e;
        }
        break;
    }
    this.fail();
  }

  /** getline's "< file" operand: a primary, so that "getline < f; x" and comparisons work. */
  protected postfixNoConcat(): Expr {
    return this.postfix();
  }
}

function isLvalue(e: Expr): boolean {
  return e.k === 'var' || e.k === 'field' || e.k === 'index';
}
