// The shell grammar: dash's list()/andor()/pipeline()/command()/simplecmd() (parser.c), same
// token flow and the same syntax errors, plus bash's `function`, [[ ]] and (( )) when parsing
// for bash. Input is parsed one top-level command line at a time, as dash's parsecmd() does.
import type { CmdNode, Node, Redir, Word } from './ast.ts';
import { parseCond } from './condparse.ts';
import { Lexer } from './lexer.ts';
import { bashFunction, coprocCommand, tryArithCommand, tryArithFor, withStderrDup } from './parser_bash.ts';
import { caseCommand } from './parser_case.ts';
import { isAssignment, isBashAssignment } from './assignword.ts';
import { Source } from './source.ts';
import { CHKALIAS, CHKKWD, CHKNL, T, findKeyword, goodname, tokEndsList } from './tokens.ts';
import { plainText } from './wordbuild.ts';
import { parsefname } from './redirlex.ts';

/** parsecmd()'s answer at end of input (dash's NEOF). */
export const NEOF = Symbol('NEOF');

/** dash's special builtins: a function may not take their names ("Bad function name"). */
const SPECIAL_BUILTINS = new Set(['break', 'continue', '.', 'eval', 'exec', 'exit', 'export',
  'readonly', 'local', 'return', 'set', 'shift', 'times', 'trap', ':', 'unset']);

export class Parser extends Lexer {
  constructor(src: Source, bash = false) {
    super(src, bash);
  }

  subParser(text: string, line: number): Parser {
    return new Parser(new Source(text, true, line), this.bash);
  }

  /** Parse one top-level command (a line). Returns NEOF at end of input, null for a blank line. */
  parsecmd(): Node | null | typeof NEOF {
    this.pushback = false;
    this.checkkwd = 0;
    this.heredocs = [];
    this.sawEofEmpty = false;
    const n = this.list(1);
    if (n === null && this.sawEofEmpty) return NEOF;
    return n;
  }

  /** dash's parser_eof(): the last command read ended at end of input. */
  atEof(): boolean {
    return this.pushback && this.last === T.EOF;
  }

  /** Set by list(1) when it met end of input before any command (dash returns NEOF). */
  private sawEofEmpty = false;

  /** dash readtoken(): keyword recognition and newline skipping on top of xxreadtoken(). */
  readtoken(): T {
    let kwd = this.checkkwd;
    for (;;) {
      // bash reads name[sub]=... as one word (blanks inside) where an assignment may stand.
      this.assignOk = this.bash && (kwd & (CHKKWD | CHKALIAS)) !== 0 && !this.casePat;
      let t = this.xxreadtoken();
      if (kwd & CHKNL) {
        while (t === T.NL) {
          this.parseHeredocs();
          this.checkkwd = 0;
          t = this.xxreadtoken();
        }
      }
      this.assignOk = false;
      this.expireAliases();
      kwd |= this.checkkwd;
      this.checkkwd = 0;
      if (t !== T.WORD || this.quoted) return t;
      const text = plainText(this.word);
      if (text === null) return t;
      if (kwd & CHKKWD) {
        const k = findKeyword(text, this.bash);
        if (k !== undefined) return (this.last = k);
      }
      if (kwd & CHKALIAS && this.aliases && !this.pushback) {
        const val = this.aliases.get(text);
        if (val !== undefined && !this.activeAliases.some((a) => a.name === text)) {
          // dash's pushstring(): read the value next, then the rest of the line.
          if (val !== '') {
            this.src.splice(val);
            // An alias whose text ended with this word is popped but not yet freed (dash frees
            // popped strings at the next pgetc(), and pushstring() chains them to the new one),
            // so it stays in use while this value is read: `alias r=s s=r` ends.
            for (const a of this.activeAliases) if (a.end >= this.src.pos) a.end += val.length;
            this.activeAliases.push({ name: text, end: this.src.pos + val.length, blank: /[ \t]$/.test(val) });
          }
          continue;
        }
      }
      return t;
    }
  }

  /** popstring(): an alias whose text has been read is active no more; one that ended with a
   * blank makes the next word an alias candidate too. */
  private expireAliases(): void {
    if (!this.activeAliases.length) return;
    const pos = this.src.pos;
    const keep: typeof this.activeAliases = [];
    for (const a of this.activeAliases) {
      if (pos > a.end || (pos === a.end && this.last !== T.WORD)) {
        if (a.blank) this.checkkwd |= CHKALIAS;
      } else keep.push(a);
    }
    this.activeAliases = keep;
  }

  list(nlflag: number): Node | null {
    const chknl = nlflag & 1 ? 0 : CHKNL;
    let n1: Node | null = null;
    for (;;) {
      this.checkkwd = chknl | CHKKWD | CHKALIAS;
      let tok = this.readtoken();
      if (tok === T.NL) {
        this.parseHeredocs();
        return n1;
      }
      if (tok === T.EOF) {
        if (!n1 && !chknl) this.sawEofEmpty = true;
        this.parseHeredocs();
        this.pushback = true;
        this.last = T.EOF;
        return n1;
      }
      this.pushback = true;
      if (nlflag === 2 && tokEndsList(tok)) return n1;
      nlflag |= 2;
      let n2 = this.andor();
      tok = this.readtoken();
      if (tok === T.BG) {
        if (n2.type === 'pipe') n2.bg = true;
        else if (n2.type === 'redir') n2 = { ...n2, type: 'bg' };
        else n2 = { type: 'bg', line: n2.line, body: n2, redirs: [] };
      }
      n1 = n1 === null ? n2 : { type: 'semi', line: n1.line, left: n1, right: n2 };
      switch (tok) {
        case T.EOF:
          this.parseHeredocs();
          this.pushback = true;
          this.last = T.EOF;
          return n1;
        case T.NL:
          this.pushback = true;
          break;
        case T.BG: case T.SEMI:
          break;
        default:
          if (!chknl) this.synexpect(-1);
          this.pushback = true;
          return n1;
      }
    }
  }

  private andor(): Node {
    let n1 = this.pipeline();
    for (;;) {
      const t = this.readtoken();
      if (t !== T.AND && t !== T.OR) {
        this.pushback = true;
        return n1;
      }
      this.checkkwd = CHKNL | CHKKWD | CHKALIAS;
      const n2 = this.pipeline();
      n1 = { type: t === T.AND ? 'and' : 'or', line: n1.line, left: n1, right: n2 };
    }
  }

  private pipeline(): Node {
    let negate = false;
    const line = this.src.line;
    const t0 = this.readtoken();
    if (t0 === T.TIME) return this.timePipeline(line);
    if (t0 === T.NOT) {
      negate = true;
      this.checkkwd = CHKKWD | CHKALIAS;
    } else this.pushback = true;
    let n1 = this.command();
    let t = this.readtoken();
    if (t === T.PIPE || t === T.PIPEAMP) {
      const cmds = [n1];
      do {
        // bash `a |& b`: `a 2>&1 | b`, the duplication after a's own redirections.
        if (t === T.PIPEAMP) cmds[cmds.length - 1] = withStderrDup(cmds[cmds.length - 1]);
        this.checkkwd = CHKNL | CHKKWD | CHKALIAS;
        cmds.push(this.command());
      } while ((t = this.readtoken()) === T.PIPE || t === T.PIPEAMP);
      n1 = { type: 'pipe', line: n1.line, cmds, bg: false };
    }
    this.pushback = true;
    return negate ? { type: 'not', line, body: n1 } : n1;
  }

  /** bash: `time [-p] [pipeline]`. */
  private timePipeline(line: number): Node {
    let posix = false;
    this.checkkwd = CHKKWD | CHKALIAS;
    let t = this.readtoken();
    if (t === T.WORD && plainText(this.word) === '-p') {
      posix = true;
      this.checkkwd = CHKKWD | CHKALIAS;
      t = this.readtoken();
    }
    this.pushback = true;
    if (t === T.NL || t === T.SEMI || t === T.BG || t === T.AND || t === T.OR || t === T.EOF || tokEndsList(t)) {
      return { type: 'time', line, body: null, posix };
    }
    return { type: 'time', line, body: this.pipeline(), posix };
  }

  command(): Node {
    const savelinno = this.src.line;
    let n1: Node;
    let closing: T;
    switch (this.readtoken()) {
      default:
        return this.synexpect(-1);
      case T.IF: {
        const cond = this.list(0);
        if (this.readtoken() !== T.THEN) this.synexpect(T.THEN);
        const then = this.list(0);
        const top: Node = { type: 'if', line: savelinno, cond, then, else: null };
        let cur = top;
        while (this.readtoken() === T.ELIF) {
          const c2 = this.list(0);
          if (this.readtoken() !== T.THEN) this.synexpect(T.THEN);
          const t2 = this.list(0);
          const next: Node = { type: 'if', line: this.src.line, cond: c2, then: t2, else: null };
          cur.else = next;
          cur = next;
        }
        if (this.last === T.ELSE) cur.else = this.list(0);
        else this.pushback = true;
        n1 = top;
        closing = T.FI;
        break;
      }
      case T.WHILE: case T.UNTIL: {
        const type = this.last === T.WHILE ? 'while' : 'until';
        const cond = this.list(0);
        if (this.readtoken() !== T.DO) this.synexpect(T.DO);
        const body = this.list(0);
        n1 = { type, line: savelinno, cond, body };
        closing = T.DONE;
        break;
      }
      case T.FOR: case T.SELECT: {
        const select = this.last === T.SELECT;
        if (this.bash && !select) {
          const af = tryArithFor(this, savelinno);
          if (af) {
            n1 = af;
            closing = T.DONE;
            break;
          }
        }
        const t = this.readtoken();
        const name = plainText(this.word);
        if (t !== T.WORD || this.quoted || name === null || !goodname(name)) this.synerror('Bad for loop variable');
        let words: Word[] | null = null;
        this.checkkwd = CHKNL | CHKKWD | CHKALIAS;
        if (this.readtoken() === T.IN) {
          words = [];
          while (this.readtoken() === T.WORD) words.push(this.word);
          if (this.last !== T.NL && this.last !== T.SEMI) this.synexpect(-1);
        } else if (this.last !== T.SEMI) this.pushback = true;
        this.checkkwd = CHKNL | CHKKWD | CHKALIAS;
        if (this.readtoken() !== T.DO) this.synexpect(T.DO);
        const body = this.list(0);
        n1 = { type: 'for', line: savelinno, name, words, body };
        if (select) n1.select = true;
        closing = T.DONE;
        break;
      }
      case T.CASE:
        return this.redirTail(caseCommand(this, savelinno), savelinno);
      case T.LP: {
        const arith = this.bash ? tryArithCommand(this) : null;
        if (arith) {
          n1 = { type: 'arithcmd', line: savelinno, expr: arith };
          return this.redirTail(n1, savelinno);
        }
        const body = this.list(0);
        n1 = { type: 'subshell', line: savelinno, body, redirs: [] };
        closing = T.RP;
        break;
      }
      case T.BEGIN:
        n1 = this.listNonNull(this.list(0));
        if (this.bash) n1 = { type: 'group', line: savelinno, body: n1 };
        closing = T.END;
        break;
      case T.DLBRACK:
        n1 = { type: 'cond', line: savelinno, expr: parseCond(this) };
        return this.redirTail(n1, savelinno);
      case T.FUNCTION:
        return bashFunction(this);
      case T.COPROC:
        return coprocCommand(this, savelinno);
      case T.WORD: case T.REDIR:
        this.pushback = true;
        return this.simplecmd();
    }
    if (this.readtoken() !== closing) this.synexpect(closing);
    return this.redirTail(n1, savelinno);
  }

  /** `{ }` holding nothing is a syntax error in dash, reported at the `}`; list(0) never returns
   * null after reading a command, so an empty body can only be an empty list. */
  private listNonNull(n: Node | null): Node {
    return n ?? { type: 'cmd', line: this.src.line, assigns: [], args: [], redirs: [] };
  }

  /** Redirections after a compound command (dash: the `redir:` label in command()). */
  private redirTail(n1: Node, savelinno: number): Node {
    this.checkkwd = CHKKWD | CHKALIAS;
    const redirs: Redir[] = [];
    while (this.readtoken() === T.REDIR) {
      redirs.push(this.redir!);
      parsefname(this);
    }
    this.pushback = true;
    if (redirs.length) {
      if (n1.type === 'subshell') n1.redirs = redirs;
      else n1 = { type: 'redir', line: savelinno, body: n1, redirs };
    }
    return n1;
  }

  private simplecmd(): Node {
    const assigns: Word[] = [];
    const args: Word[] = [];
    const redirs: Redir[] = [];
    let savecheckkwd = CHKALIAS;
    const savelinno = this.src.line;
    for (;;) {
      this.checkkwd = savecheckkwd;
      const t = this.readtoken();
      if (t === T.WORD) {
        if (savecheckkwd && (isAssignment(this.word) || (this.bash && isBashAssignment(this.word)))) assigns.push(this.word);
        else {
          args.push(this.word);
          savecheckkwd = 0;
        }
        continue;
      }
      if (t === T.REDIR) {
        redirs.push(this.redir!);
        parsefname(this);
        continue;
      }
      if (t === T.LP && args.length === 1 && !assigns.length && !redirs.length) {
        if (this.readtoken() !== T.RP) this.synexpect(T.RP);
        const name = plainText(args[0]);
        if (name === null || !this.goodFuncName(name)) this.synerror('Bad function name');
        this.checkkwd = CHKNL | CHKKWD | CHKALIAS;
        const line = this.src.line;
        const body = this.command();
        return { type: 'func', line, name, body };
      }
      this.pushback = true;
      break;
    }
    const n: CmdNode = { type: 'cmd', line: savelinno, assigns, args, redirs };
    return n;
  }

  goodFuncName(name: string): boolean {
    if (this.bash) return !/[\s|&;<>()$`'"\\]/.test(name) && name !== '';
    return goodname(name) && !SPECIAL_BUILTINS.has(name);
  }
}

/** Parse a whole string (for tests and `eval`-like callers that want every command). */
export function parseAll(text: string, bash = false): Node[] {
  const p = new Parser(new Source(text, true), bash);
  const out: Node[] = [];
  for (;;) {
    const n = p.parsecmd();
    if (n === NEOF) return out;
    if (n) out.push(n);
  }
}
