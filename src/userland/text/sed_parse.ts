// GNU sed 4.9's script compiler (sed/compile.c): addresses, commands, s///flags, y, text
// arguments of a/i/c (GNU one-liner forms too), labels and blocks, with compile.c's messages
// and "char N" positions.
import { PosixRegex, RegexError, translate } from './regex.ts';
import { EOF, SedLexer, isSpace, where } from './sed_lexer.ts';
import type { Addr, Cmd, CompileFlags, ScriptPiece, SedProgram } from './sed_types.ts';
import { SedCompileError, sedEscape } from './sed_types.ts';

export type { Addr, Cmd, ReplPart, ScriptPiece, SedProgram } from './sed_types.ts';
export { SedCompileError } from './sed_types.ts';

/** strverscmp (a, b) > 0 for plain versions: digit runs compare as numbers. */
function versionAfter(a: string, b: string): boolean {
  const x = a.match(/\d+|\D+/g) ?? [];
  const y = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const p = x[i];
    const q = y[i];
    if (p === undefined || q === undefined) return q === undefined;
    if (p === q) continue;
    if (/^\d/.test(p) && /^\d/.test(q)) return Number(p) > Number(q);
    return p > q;
  }
  return false;
}

export function compileSed(pieces: ScriptPiece[], flags: CompileFlags): SedProgram {
  const prog: SedProgram = { cmds: [], quiet: false, wfiles: [] };
  const blocks: number[] = [];
  if (pieces.length && /^#n(\n|$)/.test(pieces[0].text)) prog.quiet = true;
  let pending: Cmd | null = null;
  for (const piece of pieces) {
    const parser = new Parser(piece, prog, blocks, flags);
    if (pending) pending.text += parser.continueText();
    parser.run();
    pending = parser.textPending ? prog.cmds[prog.cmds.length - 1] : null;
  }
  if (blocks.length) {
    const last = pieces[pieces.length - 1];
    throw new SedCompileError(`${where(last.origin, 0, 0)}unmatched \`{'`);
  }
  const labels = new Map<string, number>();
  prog.cmds.forEach((c, i) => { if (c.name === ':') labels.set(c.text!, i); });
  // compile.c keeps pending jumps in a list it prepends to, so the last bad label is reported.
  for (const c of [...prog.cmds].reverse()) {
    if ('btT'.includes(c.name)) {
      if (!c.text) c.jump = -1;
      else if (labels.has(c.text)) c.jump = labels.get(c.text)!;
      else throw new SedCompileError(`can't find label for jump to \`${c.text}'`, 4);
    }
  }
  return prog;
}

class Parser extends SedLexer {
  constructor(piece: ScriptPiece, private readonly prog: SedProgram,
    private readonly blocks: number[], private readonly flags: CompileFlags) {
    super(piece);
  }

  /** read_text (NULL, '\n'): the first line of this piece is the text of the last a/i/c. */
  continueText(): string {
    return this.textBody(this.in());
  }

  run(): void {
    for (;;) {
      let c = this.in();
      while (c === ';' || (c !== EOF && isSpace(c))) c = this.in();
      if (c === EOF) return;
      this.back(c);
      this.command();
    }
  }

  private address(): Addr | undefined {
    const c = this.in();
    if (c >= '0' && c <= '9' && c !== EOF) {
      const n = this.number(c);
      const d = this.in();
      if (d === '~') {
        const e = this.in();
        let step = 0;
        if (e >= '0' && e <= '9' && e !== EOF) step = this.number(e);
        else this.back(e);
        return { kind: 'step', first: n, step };
      }
      this.back(d);
      return n === 0 ? { kind: 'zero' } : { kind: 'line', n };
    }
    if (c === '$') return { kind: 'last' };
    if (c === '/' || c === '\\') {
      const delim = c === '\\' ? this.in() : '/';
      if (delim === EOF || delim === '\n' || delim === '\\') this.fail('unterminated address regex');
      const body = this.delimited(delim, 'unterminated address regex');
      let icase = false;
      let multi = false;
      for (;;) {
        const f = this.in();
        if (f === 'I') icase = true;
        else if (f === 'M') multi = true;
        else { this.back(f); break; }
      }
      return { kind: 're', re: this.regex(body, icase, multi) };
    }
    this.back(c);
    return undefined;
  }

  /** --sandbox: compile.c refuses e, r, R, w, W and the s flags e and w where it reads them. */
  private sandboxed(): void {
    if (this.flags.sandbox) this.fail('e/r/w commands disabled in sandbox mode');
  }

  private regex(body: string, icase: boolean, multiline: boolean): PosixRegex | null {
    if (body === '') return null;
    try {
      const t = translate(body, { extended: this.flags.extended, icase, multiline, sedEscapes: true });
      // compile_rx(): dfaerror() is sed's panic(), without the script position, status 4.
      if (t.dfaError) throw new SedCompileError(t.dfaError, 4);
      return new PosixRegex(t);
    } catch (e) {
      if (e instanceof RegexError) this.fail(e.message);
      throw e;
    }
  }

  private command(): void {
    const cmd: Cmd = { negate: false, name: '' };
    cmd.a1 = this.address();
    if (cmd.a1) {
      let c = this.skipSpace();
      if (c === ',') {
        this.skipSpaceKeep();
        c = this.in();
        if (c === '+' || c === '~') {
          const d = this.in();
          if (!(d >= '0' && d <= '9') || d === EOF) this.fail("expected newer version of sed");
          const n = this.number(d);
          cmd.a2 = c === '+' ? { kind: 'plus', n } : { kind: 'mult', n };
        } else {
          this.back(c);
          const a2 = this.address();
          if (!a2) this.fail("unexpected `,'");
          cmd.a2 = a2.kind === 'zero' ? { kind: 'line', n: 0 } : a2;
        }
      } else this.back(c);
    }
    let c = this.skipSpace();
    if (cmd.a1?.kind === 'zero' && (!cmd.a2 || cmd.a2.kind !== 're')) this.fail('invalid usage of line address 0');
    if (c === '!') {
      cmd.negate = true;
      c = this.skipSpace();
      if (c === '!') this.fail("multiple `!'s");
    }
    cmd.name = c;
    const noAddr = (what: string): void => { if (cmd.a1) this.fail(what); };
    const oneAddr = (): void => { if (cmd.a2) this.fail('command only uses one address'); };
    switch (c) {
      case EOF: case '\n': case ';':
        this.fail('missing command');
        break;
      case '#':
        noAddr("comments don't accept any addresses");
        while ((c = this.in()) !== EOF && c !== '\n');
        return;
      case 'v': {
        // compile.c takes addresses on v without complaint.
        // "v VERSION" fails when VERSION is newer than this sed (strverscmp() against 4.9).
        const v = this.label();
        if (v && versionAfter(v, '4.9')) this.fail('expected newer version of sed');
        return;
      }
      case '{':
        this.blocks.push(this.prog.cmds.length);
        this.prog.cmds.push(cmd);
        return;
      case '}': {
        if (!this.blocks.length) this.fail("unexpected `}'");
        noAddr("} doesn't want any addresses");
        this.prog.cmds[this.blocks.pop()!].jump = this.prog.cmds.length;
        this.prog.cmds.push(cmd);
        this.endOfCmd();
        return;
      }
      case ':': {
        noAddr(": doesn't want any addresses");
        const l = this.label();
        if (!l) this.fail('":" lacks a label');
        cmd.text = l;
        break;
      }
      case 'a': case 'i': case 'c':
        cmd.text = this.text();
        break;
      case 'b': case 't': case 'T':
        cmd.text = this.label();
        break;
      case 'q': case 'Q': case 'l': case 'L': {
        if (c === 'q' || c === 'Q') oneAddr();
        const d = this.skipSpace();
        if (d >= '0' && d <= '9' && d !== EOF) cmd.num = this.number(d);
        else this.back(d);
        this.endOfCmd();
        break;
      }
      case '=': case 'd': case 'D': case 'F': case 'g': case 'G': case 'h': case 'H': case 'n':
      case 'N': case 'p': case 'P': case 'x': case 'z':
        this.endOfCmd();
        break;
      case 'r': case 'R': case 'w': case 'W':
        this.sandboxed();
        cmd.text = this.filename();
        if (c === 'w' || c === 'W') this.prog.wfiles.push(cmd.text);
        break;
      case 's':
        this.substitute(cmd);
        break;
      case 'y':
        this.translit(cmd);
        break;
      case 'e': {
        this.sandboxed();
        let c2 = this.skipSpace();
        let t = '';
        while (c2 !== EOF && c2 !== '\n') { t += c2; c2 = this.in(); }
        cmd.text = t;
        break;
      }
      default:
        this.fail(`unknown command: \`${c}'`);
    }
    this.prog.cmds.push(cmd);
  }

  private substitute(cmd: Cmd): void {
    const delim = this.in();
    if (delim === EOF || delim === '\n' || delim === '\\') this.fail("unterminated `s' command");
    const pat = this.delimited(delim, "unterminated `s' command");
    const repl = this.replacement(delim);
    let icase = false;
    let multi = false;
    let sawG = false;
    for (;;) {
      const f = this.in();
      if (f === 'g') { if (sawG) this.fail("multiple `g' options to `s' command"); sawG = true; continue; }
      if (f === 'p') { if (cmd.print) this.fail("multiple `p' options to `s' command"); cmd.print = 1; continue; }
      if (f === 'i' || f === 'I') { icase = true; continue; }
      if (f === 'm' || f === 'M') { multi = true; continue; }
      if (f >= '0' && f <= '9' && f !== EOF) {
        if (cmd.num !== undefined) this.fail("multiple number options to `s' command");
        const n = this.number(f);
        if (n === 0) this.fail("number option to `s' command may not be zero");
        cmd.num = n;
        continue;
      }
      if (f === 'w') { this.sandboxed(); cmd.wfile = this.filename(); this.prog.wfiles.push(cmd.wfile); break; }
      if (f === 'e') { this.sandboxed(); cmd.exec = true; continue; }
      if (f === EOF || f === '\n' || f === ';') break;
      if (f === '}' || f === '#') { this.back(f); break; }
      if (isSpace(f)) { this.endOfCmd(); break; }
      this.fail("unknown option to `s'");
    }
    cmd.global = sawG;
    cmd.re = this.regex(pat, icase, multi);
    const nsub = cmd.re ? cmd.re.nsub : 9;
    for (const part of repl) {
      if (typeof part === 'object' && 'group' in part && part.group > nsub) {
        this.fail(`invalid reference \\${part.group} on \`s' command's RHS`);
      }
    }
    cmd.repl = repl;
  }

  private translit(cmd: Cmd): void {
    const delim = this.in();
    if (delim === EOF || delim === '\n' || delim === '\\') this.fail("unterminated `y' command");
    const read = (): string[] => {
      const out: string[] = [];
      for (;;) {
        const c = this.in();
        if (c === EOF || (c === '\n' && delim !== '\n')) this.fail("unterminated `y' command");
        if (c === delim) return out;
        if (c === '\\') {
          const d = this.in();
          if (d === delim) out.push(d);
          else if (d === '\\') out.push('\\');
          else if (d === 'n') out.push('\n');
          else if (d === '\n') out.push('\n');
          else {
            const esc = sedEscape(this.s, this.pos - 1);
            if (esc) { out.push(esc[0]); this.pos += esc[1] - 1; } else this.fail("unknown option to `y'");
          }
          continue;
        }
        out.push(c);
      }
    };
    const src = read();
    const dst = read();
    if (src.length !== dst.length) this.fail("strings for `y' command are different lengths");
    cmd.map = new Map(src.map((ch, i) => [ch, dst[i]]));
    this.endOfCmd();
  }
}
