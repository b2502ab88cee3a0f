// GNU sed 4.9's script compiler (sed/compile.c): addresses, commands, s///flags, y, text
// arguments of a/i/c (GNU one-liner forms too), labels and blocks, with compile.c's messages
// and "char N" positions.
import { PosixRegex, RegexError, translate } from './regex.ts';

export type Addr =
  | { kind: 'line'; n: number }
  | { kind: 'step'; first: number; step: number }
  | { kind: 'last' }
  | { kind: 'zero' }
  /** re null: the empty regex, "the last regex used". */
  | { kind: 're'; re: PosixRegex | null }
  | { kind: 'plus'; n: number }
  | { kind: 'mult'; n: number };

export type ReplPart = string | { group: number } | { caseOp: 'L' | 'U' | 'E' | 'l' | 'u' };

export interface Cmd {
  a1?: Addr;
  a2?: Addr;
  negate: boolean;
  name: string;
  /** a/i/c text (with its newline), label for b/t/T/:, file for r/R/w/W. */
  text?: string;
  /** Exit code (q/Q), line length (l), occurrence (s). */
  num?: number;
  /** Index of the matching '}' (for '{') or target (for b/t/T, -1 = end). */
  jump?: number;
  // s///
  re?: PosixRegex | null;
  repl?: ReplPart[];
  global?: boolean;
  print?: number;
  wfile?: string;
  // y
  map?: Map<string, string>;
  // range state (execute.c's range_state/range_end)
  active?: boolean;
  rangeEnd?: number;
}

export interface SedProgram {
  cmds: Cmd[];
  /** #n on the first line of the script. */
  quiet: boolean;
  /** Files that w, W and s///w write (truncated when the run starts). */
  wfiles: string[];
}

export interface ScriptPiece {
  text: string;
  /** How compile errors name the piece: "-e expression #2" or "file x.sed". */
  origin: { kind: 'e'; n: number } | { kind: 'f'; name: string };
}

export class SedCompileError extends Error {
  /** 1 for a bad script (EXIT_BAD_USAGE), 4 for compile.c's panic() cases. */
  constructor(message: string, readonly status = 1) {
    super(message);
  }
}

export interface CompileFlags { extended: boolean; sandbox?: boolean }

const EOF = '';
const isSpace = (c: string): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\v' || c === '\f' || c === '\r';

export function compileSed(pieces: ScriptPiece[], flags: CompileFlags): SedProgram {
  const prog: SedProgram = { cmds: [], quiet: false, wfiles: [] };
  const blocks: number[] = [];
  if (pieces.length && /^#n(\n|$)/.test(pieces[0].text)) prog.quiet = true;
  for (const piece of pieces) new Parser(piece, prog, blocks, flags).run();
  if (blocks.length) {
    const last = pieces[pieces.length - 1];
    throw new SedCompileError(`${where(last.origin, 0, 0)}unmatched \`{'`);
  }
  const labels = new Map<string, number>();
  prog.cmds.forEach((c, i) => { if (c.name === ':') labels.set(c.text!, i); });
  for (const c of prog.cmds) {
    if ('btT'.includes(c.name)) {
      if (!c.text) c.jump = -1;
      else if (labels.has(c.text)) c.jump = labels.get(c.text)!;
      else throw new SedCompileError(`can't find label for jump to \`${c.text}'`, 4);
    }
  }
  return prog;
}

function where(o: ScriptPiece['origin'], pos: number, line: number): string {
  return o.kind === 'e' ? `-e expression #${o.n}, char ${pos}: ` : `file ${o.name} line ${line}: `;
}

class Parser {
  private pos = 0;
  private readonly s: string;
  constructor(private readonly piece: ScriptPiece, private readonly prog: SedProgram,
    private readonly blocks: number[], private readonly flags: CompileFlags) {
    this.s = piece.text;
  }

  private fail(msg: string): never {
    const line = this.s.slice(0, this.pos).split('\n').length;
    throw new SedCompileError(where(this.piece.origin, this.pos, line) + msg);
  }
  /** inchar(): the next character, or EOF (which does not count as read). */
  private in(): string {
    return this.pos >= this.s.length ? EOF : this.s[this.pos++];
  }
  /** savchar() */
  private back(c: string): void {
    if (c !== EOF) this.pos--;
  }
  private skipSpace(): string {
    let c: string;
    do c = this.in(); while (c !== EOF && isSpace(c) && c !== '\n');
    return c;
  }
  private atEof(): boolean { return this.pos >= this.s.length; }

  run(): void {
    for (;;) {
      let c = this.in();
      while (c === ';' || (c !== EOF && isSpace(c))) c = this.in();
      if (c === EOF) return;
      this.back(c);
      this.command();
    }
  }

  private number(first: string): number {
    let n = first;
    let c: string;
    while ((c = this.in()) >= '0' && c <= '9' && c !== EOF) n += c;
    this.back(c);
    return Number(n);
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

  /**
   * A regex up to an unescaped `delim`; "\delim" becomes delim, "\n" stays for the regex, and
   * the delimiter inside a bracket expression is an ordinary character.
   */
  private delimited(delim: string, unterminated: string): string {
    let out = '';
    for (;;) {
      const c = this.in();
      if (c === EOF) this.fail(unterminated);
      if (c === delim) return out;
      if (c === '[') {
        out += c + this.bracketBody(unterminated);
        continue;
      }
      if (c === '\n' && delim !== '\n') this.fail(unterminated);
      if (c === '\\') {
        const d = this.in();
        if (d === EOF) this.fail(unterminated);
        if (d === delim) out += delim === '&' ? '\\&' : d;
        else if (d === '\n') out += '\\n';
        else out += '\\' + d;
        continue;
      }
      out += c;
    }
  }

  /** The rest of a bracket expression after '[', copied verbatim through its ']'. */
  private bracketBody(unterminated: string): string {
    let out = '';
    let c = this.in();
    if (c === '^') { out += c; c = this.in(); }
    if (c === ']') { out += c; c = this.in(); }
    for (;;) {
      if (c === EOF) this.fail(unterminated);
      if (c === ']') return out + c;
      if (c === '[') {
        const k = this.in();
        if (k === ':' || k === '.' || k === '=') {
          out += c + k;
          for (;;) {
            const d = this.in();
            if (d === EOF) this.fail(unterminated);
            out += d;
            if (d === k && this.s[this.pos] === ']') { out += this.in(); break; }
          }
        } else {
          out += c;
          this.back(k);
        }
        c = this.in();
        continue;
      }
      out += c;
      c = this.in();
    }
  }

  private regex(body: string, icase: boolean, multiline: boolean): PosixRegex | null {
    if (body === '') return null;
    try {
      return new PosixRegex(translate(body, { extended: this.flags.extended, icase, multiline, sedEscapes: true }));
    } catch (e) {
      if (e instanceof RegexError) this.fail(e.message);
      throw e;
    }
  }

  private endOfCmd(): void {
    const c = this.skipSpace();
    if (c === EOF || c === '\n' || c === ';') return;
    if (c === '}' || c === '#') { this.back(c); return; }
    this.fail('extra characters after command');
  }

  /** read_label(): up to whitespace, ';' or '}' (which stays for the block). */
  private label(): string {
    let c = this.skipSpace();
    let l = '';
    while (c !== EOF && !isSpace(c) && c !== ';' && c !== '}') { l += c; c = this.in(); }
    this.back(c);
    if (c !== EOF && c !== ';' && c !== '}') this.endOfCmd();
    else if (c === ';') this.in();
    return l;
  }

  private filename(): string {
    const c = this.skipSpace();
    let f = '';
    let d = c;
    while (d !== EOF && d !== '\n') { f += d; d = this.in(); }
    if (!f) this.fail('missing filename in r/R/w/W commands');
    return f;
  }

  /** a/i/c text: "a\<newline>text", GNU's "a text" and "a\text"; "\<newline>" continues. */
  private text(): string {
    let c = this.skipSpace();
    if (c === EOF) this.fail("expected \\ after `a', `c' or `i'");
    if (c === '\\') {
      // "a\<newline>text" (POSIX) or GNU's "a\  text", which keeps the whitespace.
      c = this.in();
      if (c === '\n') c = this.in();
    }
    let t = '';
    while (c !== EOF) {
      if (c === '\\') {
        const d = this.in();
        if (d === EOF) break;
        const esc = d === '\n' ? null : sedEscape(this.s, this.pos - 1);
        if (esc) { t += esc[0]; this.pos += esc[1] - 1; } else t += d;
      } else if (c === '\n') break;
      else t += c;
      c = this.in();
    }
    return t + '\n';
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
      case 'v':
        noAddr(': doesn\'t want any addresses');
        this.label();
        return;
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

  private skipSpaceKeep(): void {
    const c = this.skipSpace();
    if (c !== EOF) this.back(c);
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
      if (f === 'w') { cmd.wfile = this.filename(); this.prog.wfiles.push(cmd.wfile); break; }
      if (f === 'e') this.fail('e/r/w commands disabled in sandbox mode');
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

  /** The replacement of s///: & and \1..\9, \L \U \E \l \u, escapes, "\<newline>". */
  private replacement(delim: string): ReplPart[] {
    const parts: ReplPart[] = [];
    let lit = '';
    const flush = (): void => { if (lit) { parts.push(lit); lit = ''; } };
    for (;;) {
      const c = this.in();
      if (c === EOF) this.fail("unterminated `s' command");
      if (c === delim) break;
      if (c === '\n' && delim !== '\n') this.fail("unterminated `s' command");
      if (c === '&') { flush(); parts.push({ group: 0 }); continue; }
      if (c !== '\\') { lit += c; continue; }
      const d = this.in();
      if (d === EOF) this.fail("unterminated `s' command");
      if (d === delim) { lit += d; continue; }
      if (d >= '0' && d <= '9') { flush(); parts.push({ group: Number(d) }); continue; }
      if ('LUElu'.includes(d)) { flush(); parts.push({ caseOp: d as 'L' }); continue; }
      const esc = sedEscape(this.s, this.pos - 1);
      if (esc) { lit += esc[0]; this.pos += esc[1] - 1; continue; }
      lit += d === '\n' ? '\n' : d;
    }
    flush();
    return parts;
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

/** GNU sed's \t \a \f \v \r \dNNN \oNNN \xHH \cX at s[i] (the char after the backslash). */
export function sedEscape(s: string, i: number): [string, number] | null {
  const simple: Record<string, string> = { t: '\t', a: '\x07', f: '\f', v: '\v', r: '\r', n: '\n' };
  const d = s[i];
  if (d in simple) return [simple[d], 1];
  const take = (re: RegExp, max: number, base: number): [string, number] | null => {
    let t = '';
    while (t.length < max && re.test(s[i + 1 + t.length] ?? '')) t += s[i + 1 + t.length];
    return t ? [String.fromCharCode(parseInt(t, base) & 0xff), 1 + t.length] : null;
  };
  if (d === 'd') return take(/[0-9]/, 3, 10);
  if (d === 'o') return take(/[0-7]/, 3, 8);
  if (d === 'x') return take(/[0-9a-fA-F]/, 2, 16);
  if (d === 'c' && i + 1 < s.length) return [String.fromCharCode(s[i + 1].toUpperCase().charCodeAt(0) ^ 0x40), 2];
  return null;
}
