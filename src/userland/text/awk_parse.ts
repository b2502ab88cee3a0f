// The awk parser: POSIX awk's grammar by recursive descent, with its two classic wrinkles: a '>'
// inside print's arguments is a redirection unless parenthesized, and "(a, b) in arr".
import type { AwkFunction, AwkProgram, Expr, Item, Pattern, Redirect, Stmt } from './awk_ast.ts';
import { AwkSyntaxError, Lexer } from './awk_lex.ts';
import type { Token } from './awk_lex.ts';
import { PosixRegex, RegexError, translate } from './regex.ts';

export { AwkSyntaxError };

export function parseAwk(src: string): AwkProgram {
  return new Parser(src).program();
}

/** Compile an awk regex (literal or dynamic) as mawk reads it. */
export function awkRegex(src: string): PosixRegex {
  return new PosixRegex(translate(src, { awk: true }));
}

const ASSIGN_OPS = new Set(['=', '+=', '-=', '*=', '/=', '%=', '^=']);
const CMP_OPS = new Set(['<', '<=', '!=', '==', '>', '>=']);

class Parser {
  private readonly lex: Lexer;
  private tok: Token;
  /** Inside print's arguments (outside parentheses): '>' redirects. */
  private noGt = false;
  private readonly funcs = new Map<string, AwkFunction>();
  private readonly eofLine: number;

  constructor(src: string) {
    this.lex = new Lexer(src);
    // mawk reports end-of-program errors one line past the last newline plus one.
    this.eofLine = 2 + (src.match(/\n/g)?.length ?? 0);
    this.tok = this.lex.next();
  }

  private advance(): Token {
    const t = this.tok;
    this.tok = this.lex.next();
    return t;
  }
  private isOp(v: string): boolean { return this.tok.type === 'OP' && this.tok.value === v; }
  private isKw(v: string): boolean { return this.tok.type === 'KEYWORD' && this.tok.value === v; }
  private fail(): never {
    const t = this.tok;
    if (t.type === 'EOF') throw new AwkSyntaxError(this.eofLine, 'syntax error at or near end of file');
    const near = t.type === 'NEWLINE' ? 'end of line' : t.type === 'STRING' ? `"${t.value}"` : t.type === 'ERE' ? `/${t.value}/` : t.value;
    throw new AwkSyntaxError(t.line, `syntax error at or near ${near}`);
  }
  private expectOp(v: string): void {
    if (!this.isOp(v)) {
      if (v === '}' && this.tok.type === 'EOF') throw new AwkSyntaxError(this.eofLine, 'missing } near end of file');
      this.fail();
    }
    this.advance();
  }
  private optNewlines(): void {
    while (this.tok.type === 'NEWLINE') this.advance();
  }
  private skipTerminators(): void {
    while (this.tok.type === 'NEWLINE' || this.isOp(';')) this.advance();
  }

  program(): AwkProgram {
    const items: Item[] = [];
    this.skipTerminators();
    while (this.tok.type !== 'EOF') {
      if (this.isOp('}')) throw new AwkSyntaxError(this.tok.line, "extra '}'\nsyntax error at or near end of line");
      if (this.isKw('function')) this.func();
      else items.push(this.item());
      this.skipTerminators();
    }
    return { items, funcs: this.funcs };
  }

  private func(): void {
    this.advance();
    const t = this.advance();
    if (t.type !== 'NAME' && t.type !== 'FUNC_NAME') this.fail();
    this.expectOp('(');
    const params: string[] = [];
    while (!this.isOp(')')) {
      const p = this.advance();
      if (p.type !== 'NAME') this.fail();
      params.push(p.value);
      if (this.isOp(',')) { this.advance(); this.optNewlines(); } else if (!this.isOp(')')) this.fail();
    }
    this.advance();
    this.optNewlines();
    this.funcs.set(t.value, { name: t.value, params, body: this.block() });
  }

  private item(): Item {
    let pattern: Pattern;
    if (this.isKw('BEGIN') || this.isKw('END')) {
      pattern = { k: this.advance().value as 'BEGIN' };
      this.optNewlines();
      if (!this.isOp('{')) this.fail();
      return { pattern, action: this.block() };
    }
    if (this.isOp('{')) return { pattern: { k: 'all' }, action: this.block() };
    const from = this.expr();
    if (this.isOp(',')) {
      this.advance();
      this.optNewlines();
      pattern = { k: 'range', from, to: this.expr(), active: false };
    } else pattern = { k: 'expr', e: from };
    return { pattern, action: this.isOp('{') ? this.block() : null };
  }

  private block(): Stmt[] {
    this.expectOp('{');
    const body: Stmt[] = [];
    this.skipTerminators();
    while (!this.isOp('}')) {
      if (this.tok.type === 'EOF') this.expectOp('}');
      body.push(this.stmt());
      this.skipTerminators();
    }
    this.advance();
    return body;
  }

  /** After a simple statement: ';', newline, or a '}' / EOF that stays. */
  private endSimple(): void {
    if (this.isOp(';') || this.tok.type === 'NEWLINE') { this.advance(); return; }
    if (this.isOp('}') || this.tok.type === 'EOF') return;
    this.fail();
  }

  private stmt(): Stmt {
    const t = this.tok;
    if (this.isOp('{')) return { k: 'block', body: this.block() };
    if (this.isOp(';')) { this.advance(); return { k: 'block', body: [] }; }
    if (t.type === 'KEYWORD') {
      switch (t.value) {
        case 'if': {
          this.advance();
          this.expectOp('(');
          const test = this.expr();
          this.expectOp(')');
          this.optNewlines();
          const yes = this.stmt();
          const save = this.save();
          this.skipTerminators();
          if (this.isKw('else')) {
            this.advance();
            this.optNewlines();
            return { k: 'if', test, yes, no: this.stmt() };
          }
          this.restore(save);
          return { k: 'if', test, yes, no: null };
        }
        case 'while': {
          this.advance();
          this.expectOp('(');
          const test = this.expr();
          this.expectOp(')');
          if (this.isOp(';')) { this.advance(); return { k: 'while', test, body: { k: 'block', body: [] } }; }
          this.optNewlines();
          return { k: 'while', test, body: this.stmt() };
        }
        case 'do': {
          this.advance();
          this.optNewlines();
          const body = this.stmt();
          this.skipTerminators();
          if (!this.isKw('while')) this.fail();
          this.advance();
          this.expectOp('(');
          const test = this.expr();
          this.expectOp(')');
          this.endSimple();
          return { k: 'do', body, test };
        }
        case 'for': return this.forStmt();
        case 'next': case 'nextfile': case 'break': case 'continue':
          this.advance();
          this.endSimple();
          return { k: t.value };
        case 'exit': case 'return': {
          this.advance();
          const e = this.isOp(';') || this.isOp('}') || this.tok.type === 'NEWLINE' || this.tok.type === 'EOF' ? null : this.expr();
          this.endSimple();
          return { k: t.value, e };
        }
        case 'delete': {
          this.advance();
          const n = this.advance();
          if (n.type !== 'NAME') this.fail();
          let subs: Expr[] | null = null;
          if (this.isOp('[')) { this.advance(); subs = this.exprList(']'); }
          this.endSimple();
          return { k: 'delete', name: n.value, subs };
        }
        case 'print': case 'printf': return this.printStmt(t.value);
      }
    }
    const e = this.expr();
    this.endSimple();
    return { k: 'expr', e };
  }

  private save(): [Token, ReturnType<Lexer['save']>] { return [this.tok, this.lex.save()]; }
  private restore(s: [Token, ReturnType<Lexer['save']>]): void {
    this.tok = s[0];
    this.lex.restore(s[1]);
  }

  private forStmt(): Stmt {
    this.advance();
    this.expectOp('(');
    const save = this.save();
    if (this.tok.type === 'NAME') {
      const v = this.advance();
      if (this.isKw('in')) {
        this.advance();
        const arr = this.advance();
        if (arr.type === 'NAME' && this.isOp(')')) {
          this.advance();
          this.optNewlines();
          return { k: 'forin', var: { k: 'var', name: v.value }, array: arr.value, body: this.stmt() };
        }
      }
      this.restore(save);
    }
    const init = this.isOp(';') ? null : this.expr();
    this.expectOp(';');
    this.optNewlines();
    const test = this.isOp(';') ? null : this.expr();
    this.expectOp(';');
    this.optNewlines();
    const step = this.isOp(')') ? null : this.expr();
    this.expectOp(')');
    if (this.isOp(';')) { this.advance(); return { k: 'for', init, test, step, body: { k: 'block', body: [] } }; }
    this.optNewlines();
    return { k: 'for', init, test, step, body: this.stmt() };
  }

  private printStmt(kind: 'print' | 'printf'): Stmt {
    this.advance();
    let args: Expr[] = [];
    const ends = (): boolean => this.isOp(';') || this.isOp('}') || this.isOp('>') || this.isOp('>>') ||
      this.isOp('|') || this.tok.type === 'NEWLINE' || this.tok.type === 'EOF';
    if (!ends()) {
      const saved = this.noGt;
      this.noGt = true;
      args = [this.expr()];
      while (this.isOp(',')) { this.advance(); this.optNewlines(); args.push(this.expr()); }
      this.noGt = saved;
      if (args.length === 1 && args[0].k === 'group') args = args[0].items;
    }
    let redirect: Redirect = null;
    if (this.isOp('>') || this.isOp('>>') || this.isOp('|')) {
      const mode = this.advance().value as '>' | '>>' | '|';
      const saved = this.noGt;
      this.noGt = true;
      redirect = { mode, target: this.concat() };
      this.noGt = saved;
    }
    if (kind === 'printf' && !args.length) this.fail();
    this.endSimple();
    return { k: kind, args, redirect };
  }

  private exprList(close: string): Expr[] {
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

  private ternary(): Expr {
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

  private or(): Expr {
    let left = this.and();
    while (this.isOp('||')) { this.advance(); this.optNewlines(); left = { k: 'or', left, right: this.and() }; }
    return left;
  }
  private and(): Expr {
    let left = this.inExpr();
    while (this.isOp('&&')) { this.advance(); this.optNewlines(); left = { k: 'and', left, right: this.inExpr() }; }
    return left;
  }
  private inExpr(): Expr {
    let left = this.matchExpr();
    while (this.isKw('in')) {
      this.advance();
      const n = this.advance();
      if (n.type !== 'NAME') this.fail();
      left = { k: 'in', subs: left.k === 'group' ? left.items : [left], name: n.value };
    }
    return left;
  }
  private matchExpr(): Expr {
    let left = this.cmp();
    while (this.isOp('~') || this.isOp('!~')) {
      const neg = this.advance().value === '!~';
      left = { k: 'match', neg, left, re: this.cmp() };
    }
    return left;
  }
  private cmp(): Expr {
    const left = this.pipeGetline();
    if (this.tok.type === 'OP' && CMP_OPS.has(this.tok.value) && !(this.noGt && this.tok.value === '>')) {
      const op = this.advance().value;
      return { k: 'cmp', op, left, right: this.pipeGetline() };
    }
    return left;
  }
  private pipeGetline(): Expr {
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
  private concat(): Expr {
    const first = this.additive();
    if (!this.startsOperand()) return first;
    const parts = [first];
    while (this.startsOperand()) parts.push(this.additive());
    return { k: 'concat', parts };
  }
  private startsOperand(): boolean {
    const t = this.tok;
    if (t.type === 'NUMBER' || t.type === 'STRING' || t.type === 'ERE' || t.type === 'NAME' ||
      t.type === 'FUNC_NAME' || t.type === 'BUILTIN') return true;
    if (t.type === 'OP') return t.value === '$' || t.value === '(' || t.value === '!' || t.value === '++' || t.value === '--' || t.value === '-' || t.value === '+';
    return false;
  }
  private additive(): Expr {
    let left = this.mul();
    while (this.isOp('+') || this.isOp('-')) {
      const op = this.advance().value;
      left = { k: 'bin', op, left, right: this.mul() };
    }
    return left;
  }
  private mul(): Expr {
    let left = this.unary();
    while (this.isOp('*') || this.isOp('/') || this.isOp('%')) {
      const op = this.advance().value;
      left = { k: 'bin', op, left, right: this.unary() };
    }
    return left;
  }
  private unary(): Expr {
    if (this.isOp('!') || this.isOp('-') || this.isOp('+')) {
      const op = this.advance().value;
      return { k: 'unary', op, e: this.unary() };
    }
    return this.power();
  }
  private power(): Expr {
    const base = this.postfix();
    if (!this.isOp('^')) return base;
    this.advance();
    return { k: 'bin', op: '^', left: base, right: this.unary() };
  }
  private postfix(): Expr {
    const e = this.primary();
    if ((this.isOp('++') || this.isOp('--')) && isLvalue(e)) {
      return { k: 'incdec', op: this.advance().value as '++', prefix: false, target: e };
    }
    return e;
  }

  private optLvalue(): Expr | null {
    if (this.isOp('$')) { this.advance(); return { k: 'field', index: this.fieldIndex() }; }
    if (this.tok.type === 'NAME') return this.nameRef();
    return null;
  }
  private fieldIndex(): Expr {
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
  private nameRef(): Expr {
    const n = this.advance();
    if (this.isOp('[')) { this.advance(); return { k: 'index', name: n.value, subs: this.exprList(']'), line: n.line }; }
    return { k: 'var', name: n.value, line: n.line };
  }
  private lvaluePrimary(): Expr {
    const e = this.primary();
    if (!isLvalue(e)) this.fail();
    return e;
  }

  private primary(): Expr {
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
  private postfixNoConcat(): Expr {
    return this.postfix();
  }
}

function isLvalue(e: Expr): boolean {
  return e.k === 'var' || e.k === 'field' || e.k === 'index';
}
