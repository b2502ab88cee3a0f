// drivers/tty/n_tty.c, output half: the echo buffer with its op codes, OPOST processing and the
// column state (do_output_char, process_output_block, __process_echoes, commit/process/flush_echoes).
// Leaves out OLCUC and TABDLY/XTABS (no flag bits for them in our uapi).
import type { Termios } from '../uapi/termios.ts';
import { ECHO, ECHOCTL, ECHONL, IUTF8, OCRNL, ONLCR, ONLRET, ONOCR, OPOST } from '../uapi/termios.ts';

export const N_TTY_BUF_SIZE = 4096;
/**
 * How much program output (and echo) the terminal side may hold before writers wait: a pty's
 * write room is the free space of the master's flip buffer (TTYB_DEFAULT_MEM_LIMIT, Linux 6.x).
 */
export const OUTPUT_ROOM = 640 * 1024;

const ECHO_OP_START = 0xff;
const ECHO_OP_MOVE_BACK_COL = 0x80;
const ECHO_OP_SET_CANON_COL = 0x81;
const ECHO_OP_ERASE_TAB = 0x82;
const ECHO_COMMIT_WATERMARK = 256;
const ECHO_BLOCK = 256;
const ECHO_DISCARD_WATERMARK = N_TTY_BUF_SIZE - (ECHO_BLOCK + 32);
const MASK = (i: number): number => i & (N_TTY_BUF_SIZE - 1);

/** lib/ctype.c: only 0..31 and 127 are control characters (128..159 are not). */
export const iscntrl = (c: number): boolean => c < 32 || c === 127;
/** lib/ctype.c is Latin-1: 192..255 are letters except 215 (×) and 247 (÷). */
export const isalnum = (c: number): boolean =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 192 && c !== 215 && c !== 247);
export const isUtf8Continuation = (c: number): boolean => (c & 0xc0) === 0x80;

export class TtyOutput {
  column = 0;
  canonColumn = 0;
  /** Output flow stopped by ^S (tty->flow.stopped): the write room is 0. */
  stopped = false;
  /** Inside an ECHOPRT "\\erased/" run (ldata->erasing). */
  erasing = false;
  private chunks: string[] = [];
  private queued = 0;
  private readonly echoBuf = new Uint8Array(N_TTY_BUF_SIZE);
  private echoHead = 0;
  private echoCommit = 0;
  private echoMark = 0;
  private echoTail = 0;

  constructor(private readonly termios: () => Termios) {}

  private o(flag: number): boolean { return (this.termios().oflag & flag) !== 0; }
  private l(flag: number): boolean { return (this.termios().lflag & flag) !== 0; }
  private isContinuation(c: number): boolean {
    return (this.termios().iflag & IUTF8) !== 0 && isUtf8Continuation(c);
  }

  /** tty_write_room() of a pty: 0 while stopped, else what the terminal side can still take. */
  writeRoom(): number {
    return this.stopped ? 0 : Math.max(0, OUTPUT_ROOM - this.queued);
  }
  private put(s: string): void {
    this.chunks.push(s);
    this.queued += s.length;
  }
  /** Bytes for the terminal, drained by the driver. */
  take(): string {
    const s = this.chunks.join('');
    this.chunks = [];
    this.queued = 0;
    return s;
  }
  pending(): number { return this.queued; }
  /** tty_driver_flush_buffer(): output not yet taken by the terminal is discarded. */
  flushOutput(): void {
    this.chunks = [];
    this.queued = 0;
  }

  /** do_output_char(): one character with OPOST processing; -1 when it does not fit. */
  doOutputChar(c: number, space: number): number {
    if (!space) return -1;
    switch (c) {
      case 0x0a:
        if (this.o(ONLRET)) this.column = 0;
        if (this.o(ONLCR)) {
          if (space < 2) return -1;
          this.canonColumn = this.column = 0;
          this.put('\r\n');
          return 2;
        }
        this.canonColumn = this.column;
        break;
      case 0x0d:
        if (this.o(ONOCR) && this.column === 0) return 0;
        if (this.o(OCRNL)) {
          c = 0x0a;
          if (this.o(ONLRET)) this.canonColumn = this.column = 0;
          break;
        }
        this.canonColumn = this.column = 0;
        break;
      case 0x09:
        this.column += 8 - (this.column & 7);
        break;
      case 0x08:
        if (this.column > 0) this.column--;
        break;
      default:
        if (!iscntrl(c) && !this.isContinuation(c)) this.column++;
    }
    this.put(String.fromCharCode(c));
    return 1;
  }

  /** process_output_block(): the run of simple characters at `from`; returns how many went out. */
  private processOutputBlock(buf: string, from: number, nr: number): number {
    const space = this.writeRoom();
    if (space === 0) return 0;
    if (nr > space) nr = space;
    let i = 0;
    scan: for (; i < nr; i++) {
      const c = buf.charCodeAt(from + i);
      switch (c) {
        case 0x0a:
          if (this.o(ONLRET)) this.column = 0;
          if (this.o(ONLCR)) break scan;
          this.canonColumn = this.column;
          break;
        case 0x0d:
          if ((this.o(ONOCR) && this.column === 0) || this.o(OCRNL)) break scan;
          this.canonColumn = this.column = 0;
          break;
        case 0x09:
          break scan;
        case 0x08:
          if (this.column > 0) this.column--;
          break;
        default:
          if (!iscntrl(c) && !this.isContinuation(c)) this.column++;
      }
    }
    if (i) this.put(buf.slice(from, from + i));
    return i;
  }

  /** The copy loop of n_tty_write(): returns the bytes consumed (0 = the writer must wait). */
  write(buf: string): number {
    this.processEchoes();
    let b = 0;
    let nr = buf.length;
    if (this.o(OPOST)) {
      while (nr > 0) {
        const num = this.processOutputBlock(buf, b, nr);
        b += num;
        nr -= num;
        if (nr === 0) break;
        if (this.doOutputChar(buf.charCodeAt(b), this.writeRoom()) < 0) break;
        b++;
        nr--;
      }
    } else {
      const num = Math.min(nr, this.writeRoom());
      if (num) this.put(buf.slice(0, num));
      b = num;
    }
    return b;
  }

  // --- the echo buffer -------------------------------------------------------------------

  private addEchoByte(c: number): void {
    this.echoBuf[MASK(this.echoHead)] = c;
    this.echoHead++;
  }
  private echoAt(i: number): number { return this.echoBuf[MASK(i)]; }

  echoMoveBackCol(): void {
    this.addEchoByte(ECHO_OP_START);
    this.addEchoByte(ECHO_OP_MOVE_BACK_COL);
  }
  echoSetCanonCol(): void {
    this.addEchoByte(ECHO_OP_START);
    this.addEchoByte(ECHO_OP_SET_CANON_COL);
  }
  /** echo_erase_tab(): columns used since the line start (or since the previous tab), mod 8. */
  echoEraseTab(numChars: number, afterTab: boolean): void {
    this.addEchoByte(ECHO_OP_START);
    this.addEchoByte(ECHO_OP_ERASE_TAB);
    this.addEchoByte((numChars & 7) | (afterTab ? 0x80 : 0));
  }
  echoCharRaw(c: number): void {
    if (c === ECHO_OP_START) this.addEchoByte(ECHO_OP_START);
    this.addEchoByte(c);
  }
  /** echo_char(): with ECHOCTL a control character (but not TAB) is tagged to print as "^X". */
  echoChar(c: number): void {
    if (c === ECHO_OP_START) {
      this.addEchoByte(ECHO_OP_START);
      this.addEchoByte(ECHO_OP_START);
      return;
    }
    if (this.l(ECHOCTL) && iscntrl(c) && c !== 0x09) this.addEchoByte(ECHO_OP_START);
    this.addEchoByte(c);
  }
  /** finish_erasing(): close an ECHOPRT run with '/'. */
  finishErasing(): void {
    if (this.erasing) {
      this.echoCharRaw(0x2f);
      this.erasing = false;
    }
  }
  /** isig() without NOFLSH clears the echo buffer, committed or not. */
  clearEchoes(): void {
    this.echoHead = this.echoTail = this.echoMark = this.echoCommit = 0;
  }

  /** n_tty_process_echo_ops(): one op at `tail`; returns the new space, or null (no data/space). */
  private echoOp(space: number): { space: number } | 'nodata' | 'nospace' {
    const tail = this.echoTail;
    if (MASK(this.echoCommit) === MASK(tail + 1)) return 'nodata';
    const op = this.echoAt(tail + 1);
    switch (op) {
      case ECHO_OP_ERASE_TAB: {
        if (MASK(this.echoCommit) === MASK(tail + 2)) return 'nodata';
        let numChars = this.echoAt(tail + 2);
        // A count from the start of input is offset by the column the input started at.
        if (!(numChars & 0x80)) numChars += this.canonColumn;
        let numBs = 8 - (numChars & 7);
        if (numBs > space) return 'nospace';
        space -= numBs;
        let bs = '';
        while (numBs--) {
          bs += '\b';
          if (this.column > 0) this.column--;
        }
        this.put(bs);
        this.echoTail += 3;
        break;
      }
      case ECHO_OP_SET_CANON_COL:
        this.canonColumn = this.column;
        this.echoTail += 2;
        break;
      case ECHO_OP_MOVE_BACK_COL:
        if (this.column > 0) this.column--;
        this.echoTail += 2;
        break;
      case ECHO_OP_START:
        if (!space) return 'nospace';
        this.put('\xff');
        this.column++;
        space--;
        this.echoTail += 2;
        break;
      default:
        if (space < 2) return 'nospace';
        this.put('^' + String.fromCharCode(op ^ 0o100));
        this.column += 2;
        space -= 2;
        this.echoTail += 2;
    }
    return { space };
  }

  /**
   * __process_echoes(): write committed echoes while there is room; drop the oldest if full.
   * The ring positions are compared masked, as Linux does: when more than 4096 bytes of echo
   * piled up uncommitted (a ^U over a long line), only what lies before the commit point's
   * slot goes out now, and the rest waits for the next commit.
   */
  private processCommitted(): void {
    let space = this.writeRoom();
    while (MASK(this.echoCommit) !== MASK(this.echoTail)) {
      const c = this.echoAt(this.echoTail);
      if (c === ECHO_OP_START) {
        const r = this.echoOp(space);
        if (r === 'nodata') return;
        if (r === 'nospace') break;
        space = r.space;
      } else {
        if (this.o(OPOST)) {
          const n = this.doOutputChar(c, space);
          if (n < 0) break;
          space -= n;
        } else {
          if (!space) break;
          this.put(String.fromCharCode(c));
          space--;
        }
        this.echoTail++;
      }
    }
    while (this.echoCommit > this.echoTail && this.echoCommit - this.echoTail >= ECHO_DISCARD_WATERMARK) {
      if (this.echoAt(this.echoTail) === ECHO_OP_START) {
        this.echoTail += this.echoAt(this.echoTail + 1) === ECHO_OP_ERASE_TAB ? 3 : 2;
      } else this.echoTail++;
    }
  }

  /** commit_echoes(): echoes are written in blocks of 256; flushEchoes() ends each receive. */
  commitEchoes(): void {
    const head = this.echoHead;
    this.echoMark = head;
    const old = this.echoCommit - this.echoTail;
    const nr = head - this.echoTail;
    if (nr < ECHO_COMMIT_WATERMARK || nr % ECHO_BLOCK > old % ECHO_BLOCK) return;
    this.echoCommit = head;
    this.processCommitted();
  }
  /** process_echoes(): write what commit_echoes() marked (from write(), ^Q, signals). */
  processEchoes(): void {
    if (this.echoMark === this.echoTail) return;
    this.echoCommit = this.echoMark;
    this.processCommitted();
  }
  /** flush_echoes(): at the end of a receive, everything echoed so far goes out. */
  flushEchoes(): void {
    if ((!this.l(ECHO) && !this.l(ECHONL)) || this.echoCommit === this.echoHead) return;
    this.echoCommit = this.echoHead;
    this.processCommitted();
  }
}
