// bash's [[ ... ]] grammar (parse.y cond_expr): || and && with ( ) and !, unary file and string
// tests, binary comparisons, and =~ whose right side is read raw so ( | ) need no quoting.
import type { CondExpr, Word } from './ast.ts';
import type { Lexer } from './lexer.ts';
import { T } from './tokens.ts';
import { WordBuilder, plainText } from './wordbuild.ts';
import { SyntaxErr } from './errors.ts';

const UNARY = new Set(['-a', '-b', '-c', '-d', '-e', '-f', '-g', '-h', '-k', '-p', '-r', '-s', '-t',
  '-u', '-w', '-x', '-G', '-L', '-N', '-O', '-S', '-z', '-n', '-o', '-v', '-R']);
const BINARY = new Set(['=', '==', '!=', '<', '>', '=~', '-eq', '-ne', '-lt', '-le', '-gt', '-ge',
  '-nt', '-ot', '-ef']);

interface Tok { t: T; text: string | null; word: Word }

class CondParser {
  private peeked: Tok | null = null;
  constructor(private readonly lx: Lexer) {}

  private next(): Tok {
    if (this.peeked) {
      const p = this.peeked;
      this.peeked = null;
      return p;
    }
    for (;;) {
      this.lx.checkkwd = 0;
      // Extended patterns are always recognized inside [[ ]].
      const saveExt = this.lx.extglob;
      this.lx.extglob = true;
      let t: T;
      try {
        t = this.lx.xxreadtoken();
      } finally {
        this.lx.extglob = saveExt;
      }
      if (t === T.NL) continue;
      if (t === T.REDIR) {
        const r = this.lx.redir!;
        if (r.kind === '<' || r.kind === '>') return { t: T.WORD, text: r.kind, word: [{ k: 'lit', s: r.kind, q: false }] };
        this.lx.synerror('unexpected token in conditional command');
      }
      if (t === T.WORD) return { t, text: this.lx.quoted ? null : plainText(this.lx.word), word: this.lx.word };
      return { t, text: null, word: [] };
    }
  }

  private peek(): Tok {
    if (!this.peeked) this.peeked = this.next();
    return this.peeked;
  }

  /** A parse error: dash's wording, bash's own line (bash leaves $? as it was, too). */
  private fail(bash: string | null = 'syntax error in conditional expression'): never {
    try {
      this.lx.synerror('syntax error in conditional expression', bash === null ? [] : [bash]);
    } catch (e) {
      if (e instanceof SyntaxErr) e.bashStatus = -1;
      throw e;
    }
  }

  parse(): CondExpr {
    // `[[ ]]`: bash fails without a word.
    if (this.peek().t === T.WORD && this.peek().text === ']]') this.fail(null);
    const e = this.or();
    const t = this.next();
    if (!(t.t === T.WORD && t.text === ']]')) this.fail();
    return e;
  }

  private or(): CondExpr {
    let l = this.and();
    while (this.peek().t === T.OR) {
      this.next();
      l = { t: 'or', l, r: this.and() };
    }
    return l;
  }

  private and(): CondExpr {
    let l = this.not();
    while (this.peek().t === T.AND) {
      this.next();
      l = { t: 'and', l, r: this.not() };
    }
    return l;
  }

  private not(): CondExpr {
    const p = this.peek();
    if (p.t === T.WORD && p.text === '!') {
      this.next();
      return { t: 'not', e: this.not() };
    }
    return this.primary();
  }

  private primary(): CondExpr {
    const a = this.next();
    if (a.t === T.LP) {
      const e = this.or();
      const r = this.next();
      if (r.t !== T.RP) this.fail(`unexpected token \`${r.t === T.WORD ? r.text ?? '' : 'newline'}', expected \`)'`);
      return { t: 'paren', e };
    }
    if (a.t !== T.WORD || a.text === ']]') this.fail();
    if (a.text !== null && UNARY.has(a.text)) {
      const p = this.peek();
      if (p.t === T.WORD && p.text !== ']]') {
        this.next();
        return { t: 'unary', op: a.text, a: p.word };
      }
      if (p.t === T.WORD && p.text === ']]') this.fail("unexpected argument `]]' to conditional unary operator");
    }
    const p = this.peek();
    if (p.t === T.WORD && p.text !== null && BINARY.has(p.text)) {
      this.next();
      if (p.text === '=~') return { t: 'binary', op: '=~', a: a.word, b: this.regexWord() };
      const b = this.next();
      if (b.t !== T.WORD) this.fail();
      if (b.text === ']]') this.fail("unexpected argument `]]' to conditional binary operator");
      return { t: 'binary', op: p.text, a: a.word, b: b.word };
    }
    if (p.t === T.WORD && p.text !== ']]') this.fail('conditional binary operator expected');
    return { t: 'word', a: a.word };
  }

  /** The right side of =~: raw text up to blanks outside parentheses; quoted pieces literal. */
  private regexWord(): Word {
    const src = this.lx.src;
    let c = src.getcBnl();
    while (c === ' ' || c === '\t') c = src.getcBnl();
    src.ungetc();
    const b = new WordBuilder();
    let depth = 0;
    let text = '';
    for (;;) {
      c = src.getcBnl();
      if (c === '' || c === '\n' || ((c === ' ' || c === '\t') && depth === 0)) break;
      if (c === '(') depth++;
      if (c === ')') depth--;
      text += c;
      // A backslash or quotes keep blanks in the word (x\ y, 'a b', "a b"), as bash's
      // parse_matched_pair() reads them inside the regexp.
      if (c === '\\') {
        const d = src.getc();
        if (d === '') break;
        text += d;
      } else if (c === "'" || c === '"') {
        for (;;) {
          const d = src.getc();
          if (d === '') break;
          text += d;
          if (d === c) break;
          if (c === '"' && d === '\\') {
            const e = src.getc();
            if (e === '') break;
            text += e;
          }
        }
      }
    }
    src.ungetc();
    // Re-read the text as a word so quotes and $var work; parentheses and | stay literal.
    const sub = this.lx.subParser(text, src.line);
    sub.checkkwd = 0;
    const w = sub.readRegexWord();
    for (const part of w) b.push(part);
    const out: Word = b.finish();
    out.raw = text;
    return out;
  }
}

export function parseCond(lx: Lexer): CondExpr {
  return new CondParser(lx).parse();
}
