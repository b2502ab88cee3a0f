// The tokenizer: dash's xxreadtoken() and readtoken1() (parser.c), ported to build structured
// words. readtoken1 keeps dash's syntax stack (BASE/DQ/SQ/ARI tables, varnest, innerdq,
// dqvarnest) so quoting inside ${...} and the end-of-input errors ("Unterminated quoted string",
// "Missing '}'", "Missing '))'") come out exactly as dash's do.
import type { Node, Redir, Word } from './ast.ts';
import { SyntaxErr } from './errors.ts';
import { parseHeredocBodies } from './heredoc.ts';
import type { PendingHeredoc } from './heredoc.ts';
import type { Source } from './source.ts';
import { parsesub } from './subst.ts';
import { parseBackquote, parseDollarParen } from './cmdsubst.ts';
import { parseRedir, peekRedirAmp, redirFdWord } from './redirlex.ts';
import { Syn, newFrame } from './synstack.ts';
import type { Pending, SynFrame } from './synstack.ts';
import { CHKEOFMARK, T, TOKNAME } from './tokens.ts';
import { WordBuilder } from './wordbuild.ts';
import { isArrayAssignStart, isIdentSoFar, isListParam, readExtglobGroup } from './bashwords.ts';
import { bashUnexpected } from './syntaxmsg.ts';

export type { PendingHeredoc };

export abstract class Lexer {
  checkkwd = 0;
  /** bash: an assignment may stand here, so `name[...]` keeps blanks inside the brackets. */
  assignOk = false;
  /** bash: read ?( *( +( @( !( groups into words (shopt extglob; inside [[ ]]). */
  extglob = false;
  /** Reading case patterns (no assignments there). */
  casePat = false;
  /** Reading the elements of `name=( ... )`, where `[key]=value` may start a word. */
  private inCompAssign = false;
  pushback = false;
  last: T = T.EOF;
  /** The last word read (dash's wordtext), its quoting (quoteflag) and the redirection read. */
  word: Word = [];
  quoted = false;
  redir: Redir | null = null;
  heredocs: PendingHeredoc[] = [];
  /** Set while reading an unquoted here-document body (readtoken1 with an eofmark). */
  protected inHeredoc = false;
  /** The shell's aliases (dash expands them as the parser reads, per command line). */
  aliases: Map<string, string> | null = null;
  /** Alias values being read: the name (not expanded again inside) and where the text ends. */
  protected activeAliases: { name: string; end: number; blank: boolean }[] = [];

  /** Forget alias state (a new parse from the start of a command). */
  resetAliases(): void {
    this.activeAliases = [];
  }

  constructor(public src: Source, readonly bash: boolean) {}

  /** The parser's list(): command substitutions and backquotes parse commands inside words. */
  abstract list(nlflag: number): Node | null;
  abstract readtoken(): T;
  abstract subParser(text: string, line: number): Lexer;

  synerror(msg: string, bashLines?: string[], line = this.src.line): never {
    throw new SyntaxErr(msg, line, bashLines);
  }

  synexpect(token: T | -1): never {
    const bash = this.bash ? bashUnexpected(this) : undefined;
    // bash counts the end of a file without a final newline as one more line.
    const line = this.bash && this.last === T.EOF && !this.src.text.endsWith('\n') ? this.src.line + 1 : this.src.line;
    if (token >= 0) this.synerror(`${TOKNAME[this.last]} unexpected (expecting ${TOKNAME[token]})`, bash, line);
    this.synerror(`${TOKNAME[this.last]} unexpected`, bash, line);
  }

  /** bash: end of input inside a quoted string or substitution opened on `line`. */
  protected bashEof(close: string, line: number): string[] | undefined {
    void line;
    return this.bash ? [`unexpected EOF while looking for matching \`${close}'`] : undefined;
  }

  /** dash's xxreadtoken(). */
  xxreadtoken(): T {
    if (this.pushback) {
      this.pushback = false;
      return this.last;
    }
    const src = this.src;
    for (;;) {
      const c = src.getcBnl();
      switch (c) {
        case ' ': case '\t':
          continue;
        case '#': {
          let d: string;
          while ((d = src.getc()) !== '\n' && d !== '');
          src.ungetc();
          continue;
        }
        case '\n': return (this.last = T.NL);
        case '': return (this.last = T.EOF);
        case '&':
          if (src.getcBnl() === '&') return (this.last = T.AND);
          src.ungetc();
          if (this.bash && peekRedirAmp(this)) return (this.last = T.REDIR);
          return (this.last = T.BG);
        case '|':
          if (src.getcBnl() === '|') return (this.last = T.OR);
          src.ungetc();
          if (this.bash) {
            if (src.getcBnl() === '&') return (this.last = T.PIPEAMP);
            src.ungetc();
          }
          return (this.last = T.PIPE);
        case ';': {
          if (src.getcBnl() === ';') {
            if (this.bash) {
              if (src.getcBnl() === '&') return (this.last = T.CASECONT);
              src.ungetc();
            }
            return (this.last = T.ENDCASE);
          }
          src.ungetc();
          if (this.bash) {
            if (src.getcBnl() === '&') return (this.last = T.CASEFALL);
            src.ungetc();
          }
          return (this.last = T.SEMI);
        }
        case '(': return (this.last = T.LP);
        case ')': return (this.last = T.RP);
      }
      return this.readtoken1(c);
    }
  }

  private getcTop(top: SynFrame): string {
    return top.syntax === Syn.SQ ? this.src.getc() : this.src.getcBnl();
  }

  /** Read a word (or a redirection operator) starting with character c. */
  readtoken1(first: string, heredoc = false, regex = false): T {
    const src = this.src;
    const rawStart = src.pos - first.length;
    const stack: SynFrame[] = [newFrame(heredoc ? Syn.DQ : Syn.BASE, heredoc, false)];
    let top = stack[0];
    let b = new WordBuilder();
    const pend: Pending[] = [];
    const dqStarts: number[] = [];
    let quotef = false;
    let c = first;
    // bash: depth inside the [subscript] of an assignment word.
    let subDepth = 0;
    const assignOk = this.assignOk;
    const compStart = this.inCompAssign;
    this.assignOk = false;
    this.inCompAssign = false;
    // Where the innermost open quote or substitution started (bash reports that line).
    let openLine = src.line;

    const q = (): boolean => top.syntax === Syn.SQ || top.dblquote;
    const closeVar = (): void => {
      const p = pend.pop()!;
      const w = b.finish();
      if (p.part.k === 'param') {
        if (p.second) { p.part.arg = p.first!; p.part.arg2 = w; } else p.part.arg = w;
      } else p.part.parts = w;
      b = p.parent;
      b.push(p.part);
    };

    for (;;) {
      let endword = false;
      if (c === '') break;
      const syn = top.syntax;
      switch (c) {
        case '\n':
          if (syn === Syn.BASE && top.varnest === 0) { endword = true; break; }
          b.lit(c, q());
          break;
        case '\\':
          if (syn === Syn.SQ) { b.lit(c, true); break; }
          {
            const d = src.getc();
            if (d === '') {
              b.lit('\\', true);
            } else {
              if (top.dblquote && d !== '\\' && d !== '`' && d !== '$' &&
                (d !== '"' || (heredoc && top.varnest === 0)) && (d !== '}' || top.varnest === 0)) {
                b.lit('\\', true);
              }
              b.lit(d, true);
              quotef = true;
            }
          }
          break;
        case "'":
          if (syn === Syn.BASE) {
            top.syntax = Syn.SQ;
            openLine = src.line;
            b.markQuoted();
          } else if (syn === Syn.SQ) {
            this.endQuote(top, c);
            quotef = true;
            if (!heredoc) b.markQuoted();
          } else b.lit(c, q());
          break;
        case '"':
          if (syn === Syn.BASE) {
            top.syntax = Syn.DQ;
            top.dblquote = true;
            openLine = src.line;
            if (top.varnest) top.innerdq = !top.innerdq;
            dqStarts.push(b.snapshot().length);
          } else if (syn === Syn.DQ) {
            if (heredoc && top.varnest === 0) { b.lit(c, true); break; }
            const wasTop = top.dqvarnest === 0;
            this.endQuote(top, c);
            quotef = true;
            if (wasTop) {
              // dash's "$@" hack: "$@" alone between quotes leaves no quote marks.
              const start = dqStarts.pop() ?? 0;
              const parts = b.snapshot();
              const only = parts.length === start + 1 ? parts[start] : null;
              if (!(only && only.k === 'param' && (only.name === '@' && only.op === '' || (this.bash && isListParam(only))))) b.markQuoted();
            }
          } else b.lit(c, q());
          break;
        case '$':
          if (syn === Syn.SQ) { b.lit(c, true); break; }
          ({ top, b } = parsesub(this, stack, top, b, pend));
          break;
        case '}':
          if (syn !== Syn.SQ && !top.innerdq && top.varnest > 0) {
            if (--top.varnest === 0 && top.varpushed) {
              stack.pop();
              top = stack[stack.length - 1];
            } else if (top.dqvarnest > 0) top.dqvarnest--;
            closeVar();
          } else b.lit(c, q());
          break;
        case '(':
          if (syn === Syn.ARI) { top.parenlevel++; b.lit(c, true); break; }
          if (syn === Syn.BASE && top.varnest === 0 && !regex) {
            if (this.bash && isArrayAssignStart(b)) {
              b.push({ k: 'array', words: this.readArrayWords() });
              break;
            }
            endword = true;
            break;
          }
          b.lit(c, q());
          break;
        case ')':
          if (syn === Syn.ARI) {
            if (top.parenlevel > 0) { b.lit(c, true); top.parenlevel--; break; }
            if (src.getcBnl() === ')') {
              stack.pop();
              top = stack[stack.length - 1];
              closeVar();
            } else {
              src.ungetc();
              b.lit(')', true);
            }
            break;
          }
          if (syn === Syn.BASE && top.varnest === 0 && !regex) { endword = true; break; }
          b.lit(c, q());
          break;
        case '`':
          if (syn === Syn.SQ) { b.lit(c, true); break; }
          if (this.checkkwd & CHKEOFMARK) { b.lit(c, q()); break; }
          b.push({ k: 'cmd', body: parseBackquote(this, top.dblquote), q: top.dblquote, bq: true });
          break;
        case '<': case '>': case ';': case '&': case '|': case ' ': case '\t':
          if ((c === '<' || c === '>') && this.bash && syn === Syn.BASE && top.varnest === 0 && !regex && !heredoc) {
            if (src.getcBnl() === '(') {
              b.push({ k: 'procsub', dir: c, body: parseDollarParen(this) });
              break;
            }
            src.ungetc();
          }
          if (syn === Syn.BASE && top.varnest === 0 && !regex && subDepth === 0) { endword = true; break; }
          b.lit(c, q());
          break;
        case '[':
          if (this.bash && syn === Syn.BASE && top.varnest === 0 && !regex && !heredoc &&
            (subDepth > 0 || (assignOk && isIdentSoFar(b)) || (compStart && b.plainSoFar() === ''))) subDepth++;
          b.lit(c, q());
          break;
        case ']':
          if (subDepth > 0 && syn === Syn.BASE && top.varnest === 0) subDepth--;
          b.lit(c, q());
          break;
        default: {
          if (this.extglob && syn === Syn.BASE && top.varnest === 0 && !regex && !heredoc &&
            (c === '?' || c === '*' || c === '+' || c === '@' || c === '!')) {
            if (src.getcBnl() === '(') {
              b.lit(c, false);
              readExtglobGroup(src, b, (close, msg) => this.synerror(msg, this.bashEof(close, src.line)));
              break;
            }
            src.ungetc();
          }
          const p = pend.length ? pend[pend.length - 1] : null;
          if (p && p.split === c && !p.second && top.varnest > 0 && syn !== Syn.SQ && !top.innerdq) {
            // bash: the separator between the two operands of ${x/p/r} or ${x:o:l}.
            p.first = b.finish();
            p.second = true;
            b = new WordBuilder();
            break;
          }
          b.lit(c, q());
        }
      }
      if (endword) break;
      c = this.getcTop(top);
    }
    // endword:
    if (top.syntax === Syn.ARI) this.synerror("Missing '))'", this.bashEof(')', openLine), this.bash ? openLine : undefined);
    if (top.syntax !== Syn.BASE && !heredoc) {
      this.synerror('Unterminated quoted string', this.bashEof(top.syntax === Syn.SQ ? "'" : '"', openLine),
        this.bash ? openLine : undefined);
    }
    if (top.varnest !== 0) this.synerror("Missing '}'", this.bashEof('}', openLine), this.bash ? openLine : undefined);
    const word = b.finish();
    if (!heredoc) {
      if ((c === '>' || c === '<') && !quotef && redirFdWord(this, word)) {
        parseRedir(this, c, word);
        return (this.last = T.REDIR);
      }
      src.ungetc();
      if (this.bash) (word as Word).raw = src.text.slice(rawStart, src.pos);
    }
    this.quoted = quotef;
    this.word = word;
    return (this.last = T.WORD);
  }

  private endQuote(top: SynFrame, c: string): void {
    if (top.dqvarnest === 0) {
      top.syntax = Syn.BASE;
      top.dblquote = false;
    }
    if (c === '"' && top.varnest) top.innerdq = !top.innerdq;
  }

  /** bash: the elements of `name=( ... )`. */
  private readArrayWords(): Word[] {
    const words: Word[] = [];
    const saveLast = this.last;
    for (;;) {
      this.checkkwd = 0;
      this.inCompAssign = true;
      let t: T;
      try {
        t = this.xxreadtoken();
      } finally {
        this.inCompAssign = false;
      }
      if (t === T.NL) continue;
      if (t === T.RP) break;
      if (t !== T.WORD) this.synexpect(T.RP);
      words.push(this.word);
    }
    this.last = saveLast;
    return words;
  }

  /** Read the bodies of the here-documents whose operators were on the line just ended. */
  parseHeredocs(empty = false): void {
    parseHeredocBodies(this, empty);
  }

  /** bash =~: this lexer's whole source as one word in which ( ) | < > & ; are literal. */
  readRegexWord(): Word {
    const c = this.src.getcBnl();
    if (c === '') return [];
    this.readtoken1(c, false, true);
    return this.word;
  }

  /** Parse an unquoted here-document body (this lexer's whole source) into a word. */
  readHeredocWord(): Word {
    const c = this.src.getc();
    if (c === '') return [];
    this.src.ungetc();
    this.readtoken1(this.src.getcBnl(), true);
    return this.word;
  }
}
