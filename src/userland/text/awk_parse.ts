// The awk parser: POSIX awk's grammar by recursive descent, with its two classic wrinkles: a '>'
// inside print's arguments is a redirection unless parenthesized, and "(a, b) in arr".
import type { AwkProgram, Expr, Item, Pattern, Redirect, Stmt } from './awk_ast.ts';
import { AwkSyntaxError } from './awk_lex.ts';
import { ExprParser } from './awk_parse_expr.ts';

export { AwkSyntaxError };
export { awkRegex } from './awk_parse_expr.ts';

export function parseAwk(src: string): AwkProgram {
  return new Parser(src).program();
}

class Parser extends ExprParser {
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
}
