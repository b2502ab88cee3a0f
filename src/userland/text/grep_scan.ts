// grep's per-file scan, one line at a time (so endless input can stop at -m, -q or -l): selected
// lines, -o matches, -c counts, -l/-L names, context groups with "--", binary files.
import type { GrepMatcher, GrepState } from './grep.ts';

export interface GrepResult {
  stdout: string;
  stderr: string;
  /** Selected lines in this file (after -m). */
  selected: number;
}

interface Held { ln: number; off: number; text: string }

export class GrepScanner {
  private readonly out: string[] = [];
  private stderr = '';
  private ln = 0;
  private offset = 0;
  private lastPrinted = -1;
  private afterLeft = 0;
  private selected = 0;
  private readonly held: Held[] = [];
  private readonly ctx: boolean;
  private readonly eol: string;
  /** Set when the scan needs no more lines. */
  done = false;

  /** `binary`: the file holds a NUL byte (GNU looks at its first buffer). */
  /** `width`: -T pads line numbers and offsets to it (the digits of the file's size). */
  constructor(private readonly st: GrepState, private readonly m: GrepMatcher, private readonly name: string, private readonly binary: boolean,
    private readonly width = 0) {
    const o = st.opts;
    const quietish = o.quiet || o.list !== null || o.count;
    // out_before/out_after >= 0 (even -A0) turn on the group separators; -o prints no context
    // lines but still groups its matches by them.
    this.ctx = !quietish && !binary && (o.after >= 0 || o.before >= 0);
    this.eol = o.nullData ? '\0' : '\n';
  }

  /** pr_sgr_start()/pr_sgr_end() around `text` under --color=always. */
  private sgr(code: string, text: string): string {
    return this.st.opts.color ? `\x1b[${code}m\x1b[K${text}\x1b[m\x1b[K` : text;
  }
  private nameSep(sep: string): string {
    return this.st.withFilename ? this.sgr('35', this.name) + (this.st.opts.nullAfterName ? '\0' : this.sgr('36', sep)) : '';
  }
  /** print_line_middle(): each non-empty match coloured (ms, or mc on context lines: both 01;31). */
  private colored(text: string): string {
    let out = '', from = 0, last = 0;
    while (from <= text.length) {
      const r = this.m.next(text, from);
      if (!r) break;
      const [s, e] = r;
      if (e > s) {
        out += text.slice(last, s) + this.sgr('01;31', text.slice(s, e));
        last = e;
      }
      from = e > s ? e : e + 1;
    }
    return out + text.slice(last);
  }
  /** print_line_head(): name, line number, offset, and with -T a tab when any was printed and the text is not empty. */
  private prefix(ln: number, off: number, sep: string, len: number): string {
    const o = this.st.opts;
    const pad = (n: number): string => this.sgr('32', String(n).padStart(this.width)) + this.sgr('36', sep);
    const head = this.nameSep(sep) + (o.lineNumber ? pad(ln + 1) : '') + (o.byteOffset ? pad(off) : '');
    return head + (o.initialTab && head && len ? '\t' : '');
  }
  private emitLine(h: Held, sep: string): void {
    const o = this.st.opts;
    if (this.ctx && ((this.lastPrinted >= 0 && h.ln > this.lastPrinted + 1) || (this.lastPrinted < 0 && this.st.printedSomething))) {
      if (o.groupSeparator !== null) this.out.push(`${this.sgr('36', o.groupSeparator)}\n`);
    }
    // Only lines that match are searched for colouring: selected ones, or context ones under -v.
    const body = o.color && (sep === ':') !== o.invert ? this.colored(h.text) : h.text;
    if (!o.onlyMatching) this.out.push(this.prefix(h.ln, h.off, sep, h.text.length) + body + this.eol);
    // prline(): -o prints the matches of selected lines, or with -v of the context lines.
    else if ((sep === ':') !== o.invert) this.emitOnly(h, sep);
    this.lastPrinted = h.ln;
    this.st.printedSomething = true;
  }

  /** Scan one line (without its newline). */
  line(text: string): void {
    if (this.done) return;
    const o = this.st.opts;
    const h: Held = { ln: this.ln++, off: this.offset, text };
    this.offset += text.length + 1;
    if (this.selected >= o.maxCount) {
      if (this.ctx && this.afterLeft > 0) { this.emitLine(h, '-'); this.afterLeft--; return; }
      this.done = true;
      return;
    }
    const hit = this.m.matches(text) !== o.invert;
    if (!hit) {
      if (this.ctx && this.afterLeft > 0) { this.emitLine(h, '-'); this.afterLeft--; }
      else if (this.ctx && o.before > 0) {
        this.held.push(h);
        if (this.held.length > o.before) this.held.shift();
      }
      return;
    }
    this.selected++;
    if (o.quiet || o.list) { this.done = true; return; }
    if (o.count) { this.stopAtMax(); return; }
    if (this.binary) {
      this.stderr += `grep: ${this.name}: binary file matches\n`;
      this.done = true;
      return;
    }
    if (o.onlyMatching && !this.ctx) {
      if (!o.invert) this.emitOnly(h);
      this.stopAtMax();
      return;
    }
    if (this.ctx) {
      for (const b of this.held) if (b.ln > this.lastPrinted) this.emitLine(b, '-');
      this.held.length = 0;
      this.afterLeft = Math.max(o.after, 0);
    }
    this.emitLine(h, ':');
    this.stopAtMax();
  }

  /** With -m reached and no trailing context to print, no more input is needed. */
  private stopAtMax(): void {
    if (this.selected >= this.st.opts.maxCount && !(this.ctx && this.afterLeft > 0)) this.done = true;
  }

  /** Take the output produced so far. */
  drain(): string {
    const s = this.st.opts.quiet ? '' : this.out.join('');
    this.out.length = 0;
    return s;
  }

  finish(): GrepResult {
    const o = this.st.opts;
    if (this.selected) this.st.anySelected = true;
    if (o.list === 'l' && this.selected) this.out.push(this.sgr('35', this.name) + (o.nullAfterName ? '\0' : '\n'));
    else if (o.list === 'L' && !this.selected) this.out.push(this.sgr('35', this.name) + (o.nullAfterName ? '\0' : '\n'));
    else if (o.count && !o.quiet && !o.list) this.out.push(`${this.nameSep(':')}${this.selected}\n`);
    return { stdout: this.drain(), stderr: this.stderr, selected: this.selected };
  }

  /** -o: every non-empty match on the line, each on its own output line. */
  private emitOnly(h: Held, sep = ':'): void {
    let from = 0;
    while (from <= h.text.length) {
      const r = this.m.next(h.text, from);
      if (!r) break;
      const [s, e] = r;
      if (e > s) this.out.push(this.prefix(h.ln, h.off + s, sep, e - s) + this.sgr('01;31', h.text.slice(s, e)) + this.eol);
      from = e > s ? e : e + 1;
    }
  }
}
