// sed's outputs (sed/execute.c output_file): standard output or the file being edited in
// place, w files, the missing-newline rule for a last line without one, and the l command.
import { OutBuf } from './textio.ts';
import type { TextGen } from './textio.ts';

export class SedOutput {
  readonly out = new OutBuf();
  /** What -i writes back for the current file. */
  inPlaceBuf = '';
  private missingNl = false;
  private readonly started = new Set<string>();

  constructor(private readonly nl: string) {}

  *flush(): TextGen<void> {
    yield* this.out.flush();
  }

  /** Text to the current output; a line printed without its newline gets it first. */
  *emit(text: string, inPlace: boolean): TextGen<void> {
    if (inPlace) {
      if (this.missingNl) this.inPlaceBuf += this.nl;
      this.missingNl = false;
      this.inPlaceBuf += text;
      return;
    }
    if (this.missingNl) this.out.add(this.nl);
    this.missingNl = false;
    if (this.out.add(text)) yield* this.out.flush();
  }

  /** output_pattern(): the pattern space, and its newline unless the input line had none. */
  *emitPs(ps: string, chomped: boolean, inPlace: boolean): TextGen<void> {
    yield* this.emit(ps + (chomped ? this.nl : ''), inPlace);
    if (!chomped) this.missingNl = true;
  }

  /** w FILE: /dev/stdout and /dev/stderr are the streams; files are truncated at start. */
  *writeTo(file: string, text: string, truncateOnly: boolean, inPlace: boolean): TextGen<void> {
    if (file === '/dev/stdout') { if (!truncateOnly) yield* this.emit(text, inPlace); return; }
    if (file === '/dev/stderr') { if (!truncateOnly) yield { op: 'out', fd: 2, data: text }; return; }
    if (truncateOnly && this.started.has(file)) return;
    yield { op: 'write', file, data: text, append: this.started.has(file) };
    this.started.add(file);
  }
}

/** The l command: C escapes, octal for the rest, "\" line wraps at width-1, "$" at the end. */
export function lineDump(s: string, width: number): string {
  const esc: Record<string, string> = { '\\': '\\\\', '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v' };
  let out = '';
  let col = 0;
  for (const ch of s) {
    const code = ch.charCodeAt(0);
    const o = esc[ch] ?? (code < 32 || code > 126 ? '\\' + code.toString(8).padStart(3, '0') : ch);
    if (width > 1 && col + o.length > width - 1) {
      out += '\\\n';
      col = 0;
    }
    out += o;
    col += o.length;
  }
  return out + '$\n';
}
