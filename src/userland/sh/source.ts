// Character input for the parser: dash's pgetc()/pungetc()/pgetc_eatbnl() over a buffer that may
// grow (a terminal or pipe delivers input in pieces). Running off the end of a buffer that is not
// at EOF throws NeedMore; the caller reads more and parses the command again from its start.
import { NeedMore } from './errors.ts';

export class Source {
  pos = 0;
  /** dash's plinno: the line being read, counting newlines consumed. */
  line: number;
  private atEof = false;

  constructor(public text: string, public eof: boolean, line = 1) {
    this.line = line;
  }

  /** The next character, or '' at end of input (sticky, like PEOF). */
  getc(): string {
    if (this.pos >= this.text.length) {
      if (!this.eof) throw new NeedMore();
      this.atEof = true;
      return '';
    }
    this.atEof = false;
    const c = this.text[this.pos++];
    if (c === '\n') this.line++;
    return c;
  }

  /** Whether the last getc() ran off the end of the input (the parser asked for more). */
  get triedPastEnd(): boolean {
    return this.atEof;
  }

  /** Push back the character returned by the last getc (nothing after end of input). */
  ungetc(): void {
    if (this.atEof) return;
    const c = this.text[--this.pos];
    if (c === '\n') this.line--;
  }

  /** Text inserted by alias substitution (dash's pushstring), to undo before a re-parse. */
  private splices: { pos: number; len: number }[] = [];

  /** Insert text to be read next (an alias value). */
  splice(text: string): void {
    this.text = this.text.slice(0, this.pos) + text + this.text.slice(this.pos);
    this.splices.push({ pos: this.pos, len: text.length });
  }

  /** Remove every inserted text, newest first (before parsing the same input again). */
  undoSplices(): void {
    for (let i = this.splices.length - 1; i >= 0; i--) {
      const s = this.splices[i];
      this.text = this.text.slice(0, s.pos) + this.text.slice(s.pos + s.len);
    }
    this.splices = [];
  }

  /** Forget the record of insertions (the text before them has been consumed). */
  dropSplices(): void {
    this.splices = [];
  }

  /** pgetc_eatbnl: skip backslash-newline pairs. */
  getcBnl(): string {
    for (;;) {
      const c = this.getc();
      if (c !== '\\') return c;
      const d = this.getc();
      if (d !== '\n') {
        // Leave the backslash as the character a later ungetc() pushes back.
        if (d === '') this.atEof = false;
        else this.ungetc();
        return c;
      }
    }
  }
}
