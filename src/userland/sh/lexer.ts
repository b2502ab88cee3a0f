// The tokenizer: dash's xxreadtoken() and readtoken1() (parser.c), ported to build structured
// words. readtoken1 keeps dash's syntax stack (BASE/DQ/SQ/ARI tables, varnest, innerdq,
// dqvarnest) so quoting inside ${...} and the end-of-input errors ("Unterminated quoted string",
// "Missing '}'", "Missing '))'") come out exactly as dash's do.
import type { Node, ParamOp, ParamPart, Redir, RedirKind, Word } from './ast.ts';
import { SyntaxErr } from './errors.ts';
import type { Source } from './source.ts';
import { CHKEOFMARK, T, TOKNAME, isDigit, isInName, isNameStart, isSpecial } from './tokens.ts';
import { WordBuilder, literalText, plainText } from './wordbuild.ts';

const enum Syn { BASE, DQ, SQ, ARI }

interface SynFrame {
  syntax: Syn;
  dblquote: boolean;
  innerdq: boolean;
  varnest: number;
  parenlevel: number;
  dqvarnest: number;
  varpushed: boolean;
}

/** A ${...} or $((...)) being read: its builder, and where its result goes when it closes. */
interface Pending {
  parent: WordBuilder;
  part: ParamPart | { k: 'arith'; parts: Word; q: boolean };
  /** bash ${x/p/r} and ${x:o:l}: the character that moves to the second operand. */
  split?: string;
  second?: boolean;
  first?: Word;
}

const VS_TYPES = '}-+?=';
const VS_OPS: ParamOp[] = ['', '-', '+', '?', '='];

export interface PendingHeredoc {
  redir: Redir;
  mark: string;
  strip: boolean;
  quoted: boolean;
}

export abstract class Lexer {
  checkkwd = 0;
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
    const bash = this.bash ? this.bashUnexpected() : undefined;
    // bash counts the end of a file without a final newline as one more line.
    const line = this.bash && this.last === T.EOF && !this.src.text.endsWith('\n') ? this.src.line + 1 : this.src.line;
    if (token >= 0) this.synerror(`${TOKNAME[this.last]} unexpected (expecting ${TOKNAME[token]})`, bash, line);
    this.synerror(`${TOKNAME[this.last]} unexpected`, bash, line);
  }

  /** bash's report of an unexpected token: the token, then the line it is on. */
  private bashUnexpected(): string[] {
    if (this.last === T.EOF) return ['syntax error: unexpected end of file'];
    let tok: string;
    if (this.last === T.WORD) tok = literalText(this.word) ?? '';
    else if (this.last === T.NL) tok = 'newline';
    else if (this.last === T.REDIR) tok = this.redir ? this.redir.kind : '';
    else tok = TOKNAME[this.last].replace(/^"(.*)"$/, '$1');
    const text = this.src.text;
    let end = this.src.pos;
    if (this.last === T.NL && end > 0) end--;
    const start = text.lastIndexOf('\n', end - 1) + 1;
    let stop = text.indexOf('\n', end);
    if (stop < 0) stop = text.length;
    return [`syntax error near unexpected token \`${tok}'`, `\`${text.slice(start, stop)}'`];
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
          if (this.bash && this.peekRedirAmp()) return (this.last = T.REDIR);
          return (this.last = T.BG);
        case '|':
          if (src.getcBnl() === '|') return (this.last = T.OR);
          src.ungetc();
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

  /** bash `&>file` and `&>>file`: redirect stdout and stderr. */
  private peekRedirAmp(): boolean {
    const src = this.src;
    if (src.getcBnl() !== '>') {
      src.ungetc();
      return false;
    }
    let kind: RedirKind = '&>';
    if (src.getcBnl() === '>') kind = '&>>';
    else src.ungetc();
    this.redir = { kind, fd: 1, target: [], dupfd: null, here: null };
    return true;
  }

  private getcTop(top: SynFrame): string {
    return top.syntax === Syn.SQ ? this.src.getc() : this.src.getcBnl();
  }

  /** Read a word (or a redirection operator) starting with character c. */
  readtoken1(first: string, heredoc = false, regex = false): T {
    const src = this.src;
    const stack: SynFrame[] = [{
      syntax: heredoc ? Syn.DQ : Syn.BASE, dblquote: heredoc, innerdq: false, varnest: 0,
      parenlevel: 0, dqvarnest: 0, varpushed: false,
    }];
    let top = stack[0];
    let b = new WordBuilder();
    const pend: Pending[] = [];
    const dqStarts: number[] = [];
    let quotef = false;
    let c = first;
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
              if (!(only && only.k === 'param' && only.name === '@' && only.op === '')) b.markQuoted();
            }
          } else b.lit(c, q());
          break;
        case '$':
          if (syn === Syn.SQ) { b.lit(c, true); break; }
          ({ top, b } = this.parsesub(stack, top, b, pend));
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
            if (this.bash && this.isArrayAssignStart(b)) {
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
          b.push({ k: 'cmd', body: this.parseBackquote(top.dblquote), q: top.dblquote, bq: true });
          break;
        case '<': case '>': case ';': case '&': case '|': case ' ': case '\t':
          if (syn === Syn.BASE && top.varnest === 0 && !regex) { endword = true; break; }
          b.lit(c, q());
          break;
        default: {
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
      if ((c === '>' || c === '<') && !quotef && this.redirFdWord(word)) {
        this.parseRedir(c, word);
        return (this.last = T.REDIR);
      }
      src.ungetc();
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

  /** A word that can be the fd of a redirection: empty, or one digit (dash), digits (bash). */
  private redirFdWord(w: Word): boolean {
    const t = plainText(w);
    if (t === null) return false;
    if (t === '') return true;
    return this.bash ? /^\d+$/.test(t) : t.length === 1 && isDigit(t);
  }

  /** dash's parseredir: the operator after an optional fd number. */
  private parseRedir(c: string, fdWord: Word): void {
    const src = this.src;
    let kind: RedirKind;
    let fd: number;
    if (c === '>') {
      fd = 1;
      const d = src.getcBnl();
      if (d === '>') kind = '>>';
      else if (d === '|') kind = '>|';
      else if (d === '&') kind = '>&';
      else { kind = '>'; src.ungetc(); }
    } else {
      fd = 0;
      const d = src.getcBnl();
      if (d === '<') {
        kind = '<<';
        const e = src.getcBnl();
        if (e === '-') kind = '<<-' as RedirKind;
        else if (this.bash && e === '<') kind = '<<<';
        else src.ungetc();
      } else if (d === '&') kind = '<&';
      else if (d === '>') kind = '<>';
      else { kind = '<'; src.ungetc(); }
    }
    const t = plainText(fdWord);
    if (t) fd = Number(t);
    this.redir = { kind, fd, target: [], dupfd: null, here: null };
  }

  /** parsesub: we have read '$'. */
  private parsesub(stack: SynFrame[], top: SynFrame, b: WordBuilder, pend: Pending[]): { top: SynFrame; b: WordBuilder } {
    const src = this.src;
    let c = src.getcBnl();
    const qd = top.dblquote;
    if ((this.checkkwd & CHKEOFMARK) || (c !== '(' && c !== '{' && !isNameStart(c) && !isSpecial(c))) {
      b.lit('$', top.syntax === Syn.SQ || qd);
      src.ungetc();
      return { top, b };
    }
    if (c === '(') {
      if (src.getcBnl() === '(') {
        // parsearith
        const frame: SynFrame = { syntax: Syn.ARI, dblquote: true, innerdq: false, varnest: 0, parenlevel: 0, dqvarnest: 0, varpushed: false };
        stack.push(frame);
        pend.push({ parent: b, part: { k: 'arith', parts: [], q: qd } });
        return { top: frame, b: new WordBuilder() };
      }
      src.ungetc();
      b.push({ k: 'cmd', body: this.parseDollarParen(), q: qd, bq: false });
      return { top, b };
    }
    // dash's subtype: NORMAL for $name / ${name}, BRACED (0) while undecided (and for a bad
    // substitution, reported when expanded), TYPED once an operator is read, LENGTH for ${#name}.
    const NORMAL = 1, BRACED = 0, TYPED = 2, LENGTH = 10;
    let subtype = NORMAL;
    let op: ParamOp = '';
    let colon = false;
    let name = '';
    let newsyn = top.syntax;
    let split: string | undefined;
    let index: Word | null = null;
    let indirect = false;
    if (c === '{') {
      c = src.getcBnl();
      subtype = BRACED;
      if (this.bash && c === '!') {
        const d = src.getcBnl();
        src.ungetc();
        if (isNameStart(d)) { indirect = true; c = src.getcBnl(); }
      }
    }
    let badsub = false;
    for (;;) {
      if (isNameStart(c)) {
        do { name += c; c = src.getcBnl(); } while (isInName(c));
      } else if (isDigit(c)) {
        do { name += c; c = src.getcBnl(); } while ((subtype <= BRACED || subtype >= LENGTH) && isDigit(c));
      } else if (c !== '}') {
        let cc = c;
        c = src.getcBnl();
        if (subtype === BRACED && cc === '#') {
          subtype = LENGTH;
          if (c === '_' || /^[A-Za-z0-9]$/.test(c)) continue;
          cc = c;
          c = src.getcBnl();
          if (cc === '}' || c !== '}') {
            src.ungetc();
            subtype = BRACED;
            c = cc;
            cc = '#';
          }
        }
        if (!isSpecial(cc)) {
          if (subtype === LENGTH) subtype = BRACED;
          badsub = true;
        } else name = cc;
      } else badsub = true;
      break;
    }
    if (!badsub && this.bash && subtype !== NORMAL && c === '[' && name !== '') {
      index = this.readIndex();
      c = src.getcBnl();
    }
    if (!badsub && subtype === BRACED) {
      const cc = c;
      let i: number;
      switch (c) {
        case ':':
          colon = true;
          c = src.getcBnl();
          i = c === '' ? -1 : VS_TYPES.indexOf(c);
          if (i >= 0) { op = VS_OPS[i]; subtype = TYPED; break; }
          if (this.bash) { op = 'sub'; split = ':'; subtype = TYPED; src.ungetc(); break; }
          // dash drops the character (uncounted, even a newline); the expansion fails with
          // "Bad substitution".
          if (c === '\n') src.line--;
          break;
        case '%': case '#':
          subtype = TYPED;
          c = src.getcBnl();
          if (c === cc) op = cc === '#' ? '##' : '%%';
          else { op = cc as ParamOp; src.ungetc(); }
          newsyn = Syn.BASE;
          break;
        default:
          i = c === '' ? -1 : VS_TYPES.indexOf(c);
          if (i === 0) {
            subtype = NORMAL;
          } else if (i > 0) {
            op = VS_OPS[i];
            subtype = TYPED;
          } else if (this.bash && c === '/') {
            subtype = TYPED;
            const d = src.getcBnl();
            if (d === '/') op = '//'; else if (d === '#') op = '/#'; else if (d === '%') op = '/%'; else { op = '/'; src.ungetc(); }
            split = '/';
            newsyn = Syn.BASE;
          } else if (this.bash && (c === '^' || c === ',')) {
            subtype = TYPED;
            const d = src.getcBnl();
            if (d === c) op = (c + c) as ParamOp; else { op = c as ParamOp; src.ungetc(); }
            newsyn = Syn.BASE;
          }
          // Otherwise the character is dropped (uncounted, even a newline) and the expansion
          // reports "Bad substitution".
          else if (c === '\n') src.line--;
      }
    } else {
      if (subtype === LENGTH && c !== '}') subtype = BRACED;
      src.ungetc();
    }
    if (subtype === LENGTH) op = 'len';
    else if (subtype === BRACED) op = 'bad';
    if (indirect) {
      if (subtype === NORMAL) { op = 'ind'; subtype = TYPED; src.ungetc(); } else op = 'bad';
    }
    const part: ParamPart = { k: 'param', name, index, op, colon, arg: null, arg2: null, q: qd };
    if (subtype === NORMAL) {
      b.push(part);
      return { top, b };
    }
    if (newsyn === Syn.ARI) newsyn = Syn.DQ;
    if (newsyn !== top.syntax || top.innerdq) {
      const frame: SynFrame = { syntax: newsyn, dblquote: newsyn !== Syn.BASE, innerdq: false, varnest: 0, parenlevel: 0, dqvarnest: 0, varpushed: true };
      stack.push(frame);
      top = frame;
    }
    top.varnest++;
    if (top.dblquote) top.dqvarnest++;
    pend.push({ parent: b, part, split });
    return { top, b: new WordBuilder() };
  }

  /** bash ${name[index]}: the text up to the matching ']', expanded like a here-document. */
  private readIndex(): Word {
    const line = this.src.line;
    let text = '';
    let depth = 0;
    for (;;) {
      const c = this.src.getcBnl();
      if (c === '') this.synerror("Missing '}'");
      if (c === '[') depth++;
      if (c === ']' && depth-- === 0) break;
      text += c;
    }
    return this.subParser(text, line).readHeredocWord();
  }

  /** $( ... ): parse a command list up to the matching ')'. */
  private parseDollarParen(): Node | null {
    const saveHeredocs = this.heredocs;
    const saveKwd = this.checkkwd;
    this.heredocs = [];
    const n = this.list(2);
    if (this.readtoken() !== T.RP) this.synexpect(T.RP);
    this.parseHeredocs();
    this.heredocs = saveHeredocs;
    this.checkkwd = saveKwd;
    return n;
  }

  /** Old-style `...`: undo the backslash escapes, then parse the text as a script. */
  private parseBackquote(dblquote: boolean): Node | null {
    const src = this.src;
    const line = src.line;
    let text = '';
    for (;;) {
      let c = src.getcBnl();
      if (c === '`') break;
      if (c === '') this.synerror('EOF in backquote substitution');
      if (c === '\\') {
        c = src.getc();
        if (c !== '\\' && c !== '`' && c !== '$' && (!dblquote || c !== '"')) text += '\\';
      }
      text += c;
    }
    // A backquoted command is re-read as its own input, counting lines from 1 (dash pushes a
    // new parsefile, and plinno is per file).
    void line;
    const sub = this.subParser(text, 1);
    return sub.list(2);
  }

  /** bash: is the word so far `name=` or `name+=` (an array assignment follows)? */
  private isArrayAssignStart(b: WordBuilder): boolean {
    const parts = b.snapshot();
    if (parts.length !== 1) return false;
    const p = parts[0];
    return p.k === 'lit' && !p.q && /^[A-Za-z_][A-Za-z0-9_]*\+?=$/.test(p.s);
  }

  /** bash: the elements of `name=( ... )`. */
  private readArrayWords(): Word[] {
    const words: Word[] = [];
    const saveLast = this.last;
    for (;;) {
      this.checkkwd = 0;
      const t = this.xxreadtoken();
      if (t === T.NL) continue;
      if (t === T.RP) break;
      if (t !== T.WORD) this.synexpect(T.RP);
      words.push(this.word);
    }
    this.last = saveLast;
    return words;
  }

  /** Read the bodies of the here-documents whose operators were on the line just ended. */
  parseHeredocs(): void {
    const list = this.heredocs;
    this.heredocs = [];
    for (const h of list) {
      const startLine = this.src.line;
      const body = this.readHeredocText(h);
      if (h.quoted) {
        h.redir.here = [{ k: 'lit', s: body, q: true }];
      } else {
        const sub = this.subParser(body, startLine);
        h.redir.here = sub.readHeredocWord();
      }
    }
  }

  /** The raw text of a here-document, up to the line holding only the delimiter. An unquoted
   * body loses its backslash-newlines first, as dash reads it through pgetc_eatbnl(). */
  private readHeredocText(h: PendingHeredoc): string {
    const src = this.src;
    let body = '';
    for (;;) {
      let c = src.getc();
      if (h.strip) while (c === '\t') c = src.getc();
      if (c === '') return body;
      let line = '';
      while (c !== '\n' && c !== '') {
        if (c === '\\' && !h.quoted) {
          const d = src.getc();
          if (d === '\n') { c = src.getc(); continue; }
          line += c;
          if (d === '') { c = ''; break; }
          c = d;
        }
        line += c;
        c = src.getc();
      }
      if (line === h.mark) return body;
      body += line;
      if (c === '') return body;
      body += '\n';
    }
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
