// The line being edited: a byte string of UTF-8 text and a cursor, with the editing operations
// the keys of lineedit.ts map to (insert, delete, kill, word motion, transpose) and the bytes that
// redraw it. Cursor motion steps over whole UTF-8 characters; widths count characters.
/** Start index of the UTF-8 character before position i. */
function prevChar(s: string, i: number): number {
  if (i <= 0) return 0;
  i--;
  while (i > 0 && (s.charCodeAt(i) & 0xc0) === 0x80) i--;
  return i;
}
export function nextChar(s: string, i: number): number {
  if (i >= s.length) return s.length;
  i++;
  while (i < s.length && (s.charCodeAt(i) & 0xc0) === 0x80) i++;
  return i;
}
/** Length of the escape sequence at the start of p (ESC [ digits ; final, ESC O x, ESC x);
 * -1 if it is incomplete. */
export function escLength(p: string): number {
  if (p.length < 2) return -1;
  if (p[1] === 'O') return p.length < 3 ? -1 : 3;
  if (p[1] !== '[') return 2;
  let i = 2;
  while (i < p.length && ((p[i] >= '0' && p[i] <= '9') || p[i] === ';')) i++;
  if (i >= p.length) return i > 16 ? 1 : -1;
  return i + 1;
}

/** Terminal columns of a byte string (one per UTF-8 character). */
function cols(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if ((s.charCodeAt(i) & 0xc0) !== 0x80) n++;
  return n;
}

/** The editing state of one line. */
export class LineState {
  buf = '';
  pos = 0;
  constructor(public prompt: string) {}

  insert(s: string): void {
    this.buf = this.buf.slice(0, this.pos) + s + this.buf.slice(this.pos);
    this.pos += s.length;
  }
  left(): void { this.pos = prevChar(this.buf, this.pos); }
  right(): void { this.pos = nextChar(this.buf, this.pos); }
  backspace(): void {
    if (this.pos === 0) return;
    const p = prevChar(this.buf, this.pos);
    this.buf = this.buf.slice(0, p) + this.buf.slice(this.pos);
    this.pos = p;
  }
  del(): void {
    if (this.pos >= this.buf.length) return;
    this.buf = this.buf.slice(0, this.pos) + this.buf.slice(nextChar(this.buf, this.pos));
  }
  /** The text the last kill removed (^Y puts it back). */
  killed = '';
  killEnd(): void {
    this.killed = this.buf.slice(this.pos);
    this.buf = this.buf.slice(0, this.pos);
  }
  killStart(): void {
    this.killed = this.buf.slice(0, this.pos);
    this.buf = this.buf.slice(this.pos);
    this.pos = 0;
  }
  /** ^W: the word (and blanks) before the cursor. */
  killWord(): void {
    let p = this.pos;
    while (p > 0 && this.buf[p - 1] === ' ') p--;
    while (p > 0 && this.buf[p - 1] !== ' ') p--;
    this.killed = this.buf.slice(p, this.pos);
    this.buf = this.buf.slice(0, p) + this.buf.slice(this.pos);
    this.pos = p;
  }
  /** Start of the word before the cursor / end of the word after it (letters and digits). */
  wordLeft(): number {
    let p = this.pos;
    while (p > 0 && !/[A-Za-z0-9]/.test(this.buf[p - 1])) p--;
    while (p > 0 && /[A-Za-z0-9]/.test(this.buf[p - 1])) p--;
    return p;
  }
  wordRight(): number {
    let p = this.pos;
    while (p < this.buf.length && !/[A-Za-z0-9]/.test(this.buf[p])) p++;
    while (p < this.buf.length && /[A-Za-z0-9]/.test(this.buf[p])) p++;
    return p;
  }
  /** M-d / M-Backspace: kill to the end or start of a word. */
  killTo(p: number): void {
    const [a, b] = p < this.pos ? [p, this.pos] : [this.pos, p];
    this.killed = this.buf.slice(a, b);
    this.buf = this.buf.slice(0, a) + this.buf.slice(b);
    this.pos = a;
  }
  /** ^T: swap the characters before and at the cursor (the last two at the end). */
  transpose(): void {
    if (this.buf.length < 2 || this.pos === 0) return;
    const p = this.pos === this.buf.length ? this.pos - 1 : this.pos;
    this.buf = this.buf.slice(0, p - 1) + this.buf[p] + this.buf[p - 1] + this.buf.slice(p + 1);
    this.pos = p + 1;
  }
  set(s: string): void {
    this.buf = s;
    this.pos = s.length;
  }
  /** The bytes that redraw the line: to column 0, prompt, text, clear, cursor back. */
  render(): string {
    const tail = this.prompt.slice(this.prompt.lastIndexOf('\n') + 1);
    const back = cols(this.buf.slice(this.pos));
    return `\r${tail}${this.buf}\x1b[K${back ? `\x1b[${back}D` : ''}`;
  }
}
