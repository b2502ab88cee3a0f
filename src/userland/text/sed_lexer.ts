// sed/compile.c's reading primitives: inchar/savchar with "char N" positions, numbers, regex
// and bracket scanning, labels, file names, a/i/c text and the s/// replacement.
import type { ReplPart, ScriptPiece } from './sed_types.ts';
import { SedCompileError, sedEscape } from './sed_types.ts';

export const EOF = '';
export const isSpace = (c: string): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\v' || c === '\f' || c === '\r';

export function where(o: ScriptPiece['origin'], pos: number, line: number): string {
  return o.kind === 'e' ? `-e expression #${o.n}, char ${pos}: ` : `file ${o.name} line ${line}: `;
}

export class SedLexer {
  protected pos = 0;
  protected readonly s: string;
  constructor(protected readonly piece: ScriptPiece) {
    this.s = piece.text;
  }

  protected fail(msg: string): never {
    const line = this.s.slice(0, this.pos).split('\n').length;
    throw new SedCompileError(where(this.piece.origin, this.pos, line) + msg);
  }
  /** inchar(): the next character, or EOF (which does not count as read). */
  protected in(): string {
    return this.pos >= this.s.length ? EOF : this.s[this.pos++];
  }
  /** savchar() */
  protected back(c: string): void {
    if (c !== EOF) this.pos--;
  }
  protected skipSpace(): string {
    let c: string;
    do c = this.in(); while (c !== EOF && isSpace(c) && c !== '\n');
    return c;
  }
  protected atEof(): boolean { return this.pos >= this.s.length; }

  protected number(first: string): number {
    let n = first;
    let c: string;
    while ((c = this.in()) >= '0' && c <= '9' && c !== EOF) n += c;
    this.back(c);
    return Number(n);
  }

  /**
   * A regex up to an unescaped `delim`; "\delim" becomes delim, "\n" stays for the regex, and
   * the delimiter inside a bracket expression is an ordinary character.
   */
  protected delimited(delim: string, unterminated: string): string {
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
  protected bracketBody(unterminated: string): string {
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

  protected endOfCmd(): void {
    const c = this.skipSpace();
    if (c === EOF || c === '\n' || c === ';') return;
    if (c === '}' || c === '#') { this.back(c); return; }
    this.fail('extra characters after command');
  }

  /** read_label(): up to whitespace, ';' or '}' (which stays for the block). */
  protected label(): string {
    let c = this.skipSpace();
    let l = '';
    while (c !== EOF && !isSpace(c) && c !== ';' && c !== '}') { l += c; c = this.in(); }
    this.back(c);
    if (c !== EOF && c !== ';' && c !== '}') this.endOfCmd();
    else if (c === ';') this.in();
    return l;
  }

  protected filename(): string {
    const c = this.skipSpace();
    let f = '';
    let d = c;
    while (d !== EOF && d !== '\n') { f += d; d = this.in(); }
    if (!f) this.fail('missing filename in r/R/w/W commands');
    return f;
  }

  /** a/i/c text: "a\<newline>text", GNU's "a text" and "a\text"; "\<newline>" continues. */
  protected text(): string {
    let c = this.skipSpace();
    if (c === EOF) this.fail("expected \\ after `a', `c' or `i'");
    if (c === '\\') {
      // "a\<newline>text" (POSIX) or GNU's "a\  text", which keeps the whitespace.
      c = this.in();
      // read_text() with EOF right after "a\": the text continues in the next -e (if any).
      if (c === EOF) { this.textPending = true; return ''; }
      if (c === '\n') c = this.in();
    }
    return this.textBody(c);
  }

  /** Set when "a\" ended the piece: compile_program() reads the text from the next one. */
  textPending = false;

  /** The text from `c` on: to an unescaped newline, "\<newline>" continuing it. */
  protected textBody(c: string): string {
    let t = '';
    while (c !== EOF) {
      if (c === '\\') {
        const d = this.in();
        // A backslash ending the piece: read_text() keeps the text open for the next -e.
        if (d === EOF) { this.textPending = true; break; }
        const esc = d === '\n' ? null : sedEscape(this.s, this.pos - 1);
        if (esc) { t += esc[0]; this.pos += esc[1] - 1; } else t += d;
      } else if (c === '\n') break;
      else t += c;
      c = this.in();
    }
    return t + '\n';
  }

  protected skipSpaceKeep(): void {
    const c = this.skipSpace();
    if (c !== EOF) this.back(c);
  }

  /** The replacement of s///: & and \1..\9, \L \U \E \l \u, escapes, "\<newline>". */
  protected replacement(delim: string): ReplPart[] {
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
}
