// drivers/tty/n_tty.c (Linux 6.x): the N_TTY line discipline, input half and the ldisc API.
// Leaves out PARMRK, IUCLC, EXTPROC, packet mode, break/parity flags and the VTIME timers (VTIME
// counts as already expired: docs/design/tty.md). Output and echo live in n_tty_output.ts.
import type { Termios, Winsize } from '../uapi/termios.ts';
import {
  ECHO, ECHOCTL, ECHONL, ICANON, ICRNL, IEXTEN, IGNCR, INLCR, ISIG, ISTRIP, IXANY, IXON, NOFLSH, VEOF, VEOL, VEOL2, VERASE, VINTR, VKILL, VLNEXT, VMIN, VQUIT,
  VREPRINT, VSTART, VSTOP, VSUSP, VTIME, VWERASE, defaultTermios,
} from '../uapi/termios.ts';
import { SIGINT, SIGQUIT, SIGTSTP } from '../uapi/signal.ts';
import { N_TTY_BUF_SIZE, OUTPUT_ROOM, TtyOutput } from './n_tty_output.ts';
import { DISABLED_CHAR, ReadBuffer } from './n_tty_buf.ts';
import { eraser } from './n_tty_erase.ts';

export { N_TTY_BUF_SIZE };
/** Input the pty's flip buffer holds while the ldisc has no room (TTYB_DEFAULT_MEM_LIMIT). */
export const FLIP_LIMIT = OUTPUT_ROOM;

export interface NTtyHooks {
  /** Send `sig` to the tty's foreground process group (kill_pgrp). */
  signal(sig: number): void;
  /** Input became readable (wake_up_interruptible_poll(&tty->read_wait)). */
  wakeReaders(): void;
  /** Output room appeared after a short write or ^Q (tty_wakeup). */
  wakeWriters?(): void;
}

const cloneTermios = (t: Termios): Termios => ({ ...t, cc: [...t.cc] });

export class NTty {
  termios: Termios = defaultTermios();
  winsize: Winsize = { rows: 24, cols: 80 };
  private readonly out = new TtyOutput(() => this.termios);
  private readonly rb = new ReadBuffer();
  private readonly charMap = new Uint8Array(256);
  private lnext = false;
  private raw = false;
  private icanon = true;
  private lookaheadCount = 0;
  /** The flip buffer: input the ldisc had no room for yet, and how much of it was looked ahead. */
  private flip = '';
  private flipLook = 0;
  private writerWaiting = false;

  constructor(private readonly hooks: NTtyHooks) {
    this.setTermiosInternal(null);
  }

  private i(flag: number): boolean { return (this.termios.iflag & flag) !== 0; }
  private l(flag: number): boolean { return (this.termios.lflag & flag) !== 0; }
  private cc(index: number): number { return this.termios.cc[index] ?? 0; }

  // --- the ldisc API for the tty driver ----------------------------------------------------

  /** Bytes typed at the terminal (pty master write -> flip buffer -> n_tty_receive_buf2). */
  receive(bytes: string): void {
    const room = FLIP_LIMIT - this.flip.length;
    // The emulator cannot be made to wait as a pty master writer would: excess is dropped.
    if (room <= 0) return;
    this.flip += bytes.length > room ? bytes.slice(0, room) : bytes;
    this.flushToLdisc();
  }

  /** Bytes for the terminal: echoes and processed program output. */
  takeOutput(): string {
    const s = this.out.take();
    if (s && this.writerWaiting) this.wakeWriters();
    return s;
  }

  /** n_tty_write(): program output with OPOST; returns bytes consumed (0: wait for wakeWriters). */
  write(data: string): number {
    const n = this.out.write(data);
    if (n < data.length) this.writerWaiting = true;
    return n;
  }

  /**
   * n_tty_read(): null = would block (EAGAIN when `nonblock`); '' = end of file (or VMIN=0 with
   * nothing there). A non-blocking read takes whatever there is: VMIN only makes a blocking
   * read wait.
   */
  read(count: number, nonblock = false): string | null {
    if (count <= 0) return '';
    let r: string | null;
    if (this.icanon) r = this.rb.canonHead === this.rb.tail ? null : this.rb.copyCanon(count);
    else r = this.readRaw(count, nonblock);
    if (r !== null && this.flip) this.flushToLdisc(); // n_tty_kick_worker()
    return r;
  }

  /** n_tty_poll() for POLLIN: a whole line, or VMIN bytes (1 when VTIME is set). */
  readable(): boolean {
    if (this.icanon) return this.rb.canonHead !== this.rb.tail;
    const amt = !this.cc(VTIME) && this.cc(VMIN) ? this.cc(VMIN) : 1;
    return this.rb.commitHead - this.rb.tail >= amt;
  }

  /** TIOCINQ / FIONREAD: bytes a read could return (EOF markers not counted). */
  inq(): number {
    return this.l(ICANON) ? this.rb.inqCanon() : this.rb.cnt();
  }

  /** TCSETS (and TCSETSF with flush): tty_set_termios() then n_tty_set_termios(). */
  setTermios(t: Termios, flush = false): void {
    const old = this.termios;
    if (flush) this.resetBufferFlags();
    this.termios = cloneTermios(t);
    this.setTermiosInternal(old);
    if (this.flip) this.flushToLdisc();
  }

  /** tcflush(TCIFLUSH): the flip buffer and the ldisc's input are discarded. */
  flushInput(): void {
    this.flip = '';
    this.flipLook = 0;
    this.resetBufferFlags();
  }

  /** Output stopped by ^S (until ^Q, or any key with IXANY). */
  get stopped(): boolean { return this.out.stopped; }
  /** Column of the cursor as the ldisc tracks it (for tests and the UI). */
  get column(): number { return this.out.column; }

  // --- termios -------------------------------------------------------------------------------

  private setTermiosInternal(old: Termios | null): void {
    if (!old || ((old.lflag ^ this.termios.lflag) & ICANON)) {
      const rb = this.rb;
      rb.clearFlags();
      if (!this.l(ICANON) || !rb.cnt()) {
        rb.canonHead = rb.tail;
      } else {
        // Switching to canonical with input pending pushes it as a line, as if ^D were typed.
        rb.markEol(rb.head - 1);
        rb.canonHead = rb.head;
      }
      rb.commitHead = rb.head;
      this.out.erasing = false;
      this.lnext = false;
    }
    this.icanon = this.l(ICANON);
    if (this.i(ISTRIP) || this.i(IGNCR) || this.i(ICRNL) || this.i(INLCR) || this.l(ICANON) ||
      this.i(IXON) || this.l(ISIG) || this.l(ECHO)) {
      const m = this.charMap;
      m.fill(0);
      if (this.i(IGNCR) || this.i(ICRNL)) m[0x0d] = 1;
      if (this.i(INLCR)) m[0x0a] = 1;
      if (this.l(ICANON)) {
        m[this.cc(VERASE)] = m[this.cc(VKILL)] = m[this.cc(VEOF)] = m[0x0a] = m[this.cc(VEOL)] = 1;
        if (this.l(IEXTEN)) {
          m[this.cc(VWERASE)] = m[this.cc(VLNEXT)] = m[this.cc(VEOL2)] = 1;
          if (this.l(ECHO)) m[this.cc(VREPRINT)] = 1;
        }
      }
      if (this.i(IXON)) m[this.cc(VSTART)] = m[this.cc(VSTOP)] = 1;
      if (this.l(ISIG)) m[this.cc(VINTR)] = m[this.cc(VQUIT)] = m[this.cc(VSUSP)] = 1;
      m[DISABLED_CHAR] = 0;
      this.raw = false;
    } else {
      this.raw = true;
    }
    // Clearing IXON while stopped by ^S must not leave the tty hung.
    if (!this.i(IXON) && old && (old.iflag & IXON)) {
      this.startTty();
      this.out.processEchoes();
    }
    // n_tty_open() wakes nobody: there is nobody yet.
    if (old) {
      this.wakeWriters();
      this.hooks.wakeReaders();
    }
  }

  // --- input: n_tty_receive_buf_common and friends ------------------------------------------

  /** flush_to_ldisc(): hand the flip buffer over; look ahead for ^S/^Q in what stays behind. */
  private flushToLdisc(): void {
    const rcvd = this.receiveBufCommon(this.flip);
    if (rcvd) {
      this.flip = this.flip.slice(rcvd);
      this.flipLook = Math.max(0, this.flipLook - rcvd);
    }
    if (this.flip.length > this.flipLook) {
      this.lookaheadFlowCtrl(this.flip.slice(this.flipLook));
      this.flipLook = this.flip.length;
    }
  }

  /** n_tty_lookahead_flow_ctrl(): ^S/^Q act even while the input buffer is full. */
  private lookaheadFlowCtrl(s: string): void {
    this.lookaheadCount += s.length;
    if (!this.i(IXON)) return;
    for (let k = 0; k < s.length; k++) this.receiveCharFlowCtrl(s.charCodeAt(k), false);
  }

  private receiveBufCommon(s: string): number {
    let count = s.length;
    let pos = 0;
    for (;;) {
      // Always keep one byte free for a newline; a canonical line with no newline yet keeps
      // taking input (so that erase works), overwriting its last byte.
      let room = N_TTY_BUF_SIZE - this.rb.cnt() - 1;
      if (room <= 0) {
        const overflow = this.icanon && this.rb.canonHead === this.rb.tail;
        if (overflow && room < 0) this.rb.head--;
        room = overflow ? 1 : 0;
      }
      const n = Math.min(count, room);
      if (!n) break;
      this.receiveBuf(s, pos, n);
      pos += n;
      count -= n;
    }
    return pos;
  }

  /** __receive_buf() */
  private receiveBuf(s: string, pos: number, n: number): void {
    const la = Math.min(this.lookaheadCount, n);
    if (this.raw) {
      for (let k = 0; k < n; k++) this.rb.put(s.charCodeAt(pos + k));
    } else {
      for (let k = 0; k < n; k++) this.receiveCharStandard(s.charCodeAt(pos + k), k < la);
      this.out.flushEchoes();
    }
    this.lookaheadCount -= la;
    if (this.icanon) return;
    this.rb.commitHead = this.rb.head;
    if (this.rb.cnt()) this.hooks.wakeReaders();
  }

  private receiveCharStandard(c: number, lookaheadDone: boolean): void {
    if (this.lnext) {
      this.lnext = false;
      if (this.i(ISTRIP)) c &= 0x7f;
      this.receiveChar(c);
      return;
    }
    if (this.i(ISTRIP)) c &= 0x7f;
    if (this.charMap[c]) this.receiveCharSpecial(c, lookaheadDone);
    else this.receiveChar(c);
  }

  private startTty(): void {
    if (!this.out.stopped) return;
    this.out.stopped = false;
    this.wakeWriters();
  }
  private wakeWriters(): void {
    this.writerWaiting = false;
    this.hooks.wakeWriters?.();
  }
  private ixanyRestart(): void {
    if (this.out.stopped && this.i(IXON) && this.i(IXANY)) {
      this.startTty();
      this.out.processEchoes();
    }
  }

  /** n_tty_receive_char(): an ordinary character is echoed and queued. */
  private receiveChar(c: number): void {
    this.ixanyRestart();
    if (this.l(ECHO)) {
      this.out.finishErasing();
      if (this.rb.canonHead === this.rb.head) this.out.echoSetCanonCol();
      this.out.echoChar(c);
      this.out.commitEchoes();
    }
    this.rb.put(c);
  }

  private receiveCharFlowCtrl(c: number, lookaheadDone: boolean): boolean {
    if (c !== this.cc(VSTART) && c !== this.cc(VSTOP)) return false;
    if (lookaheadDone) return true;
    if (c === this.cc(VSTART)) {
      this.startTty();
      this.out.processEchoes();
    } else {
      this.out.stopped = true;
    }
    return true;
  }

  private receiveCharSpecial(c: number, lookaheadDone: boolean): void {
    if (this.i(IXON) && this.receiveCharFlowCtrl(c, lookaheadDone)) return;
    if (this.l(ISIG)) {
      if (c === this.cc(VINTR)) return this.receiveSignalChar(SIGINT, c);
      if (c === this.cc(VQUIT)) return this.receiveSignalChar(SIGQUIT, c);
      if (c === this.cc(VSUSP)) return this.receiveSignalChar(SIGTSTP, c);
    }
    this.ixanyRestart();
    if (c === 0x0d) {
      if (this.i(IGNCR)) return;
      if (this.i(ICRNL)) c = 0x0a;
    } else if (c === 0x0a && this.i(INLCR)) c = 0x0d;
    if (this.icanon && this.receiveCharCanon(c)) return;
    if (this.l(ECHO)) {
      this.out.finishErasing();
      if (c === 0x0a) this.out.echoCharRaw(0x0a);
      else {
        if (this.rb.canonHead === this.rb.head) this.out.echoSetCanonCol();
        this.out.echoChar(c);
      }
      this.out.commitEchoes();
    }
    this.rb.put(c);
  }

  /** n_tty_receive_signal_char(): signal first, then (unless NOFLSH) flush, then echo "^C". */
  private receiveSignalChar(sig: number, c: number): void {
    this.hooks.signal(sig);
    if (!this.l(NOFLSH)) {
      this.out.clearEchoes();
      this.out.flushOutput();
      this.resetBufferFlags();
    }
    if (this.i(IXON)) this.startTty();
    if (this.l(ECHO)) {
      this.out.echoChar(c);
      this.out.commitEchoes();
    } else this.out.processEchoes();
  }

  private handleNewline(c: number): void {
    this.rb.putEol(c);
    this.hooks.wakeReaders();
  }

  private receiveCharCanon(c: number): boolean {
    const iexten = this.l(IEXTEN);
    if (c === this.cc(VERASE) || c === this.cc(VKILL) || (c === this.cc(VWERASE) && iexten)) {
      eraser(this.rb, this.out, this.termios, c);
      this.out.commitEchoes();
      return true;
    }
    if (c === this.cc(VLNEXT) && iexten) {
      this.lnext = true;
      if (this.l(ECHO)) {
        this.out.finishErasing();
        if (this.l(ECHOCTL)) {
          this.out.echoCharRaw(0x5e); // '^', then back over it: the next char overprints it
          this.out.echoCharRaw(0x08);
          this.out.commitEchoes();
        }
      }
      return true;
    }
    if (c === this.cc(VREPRINT) && this.l(ECHO) && iexten) {
      this.out.finishErasing();
      this.out.echoChar(c);
      this.out.echoCharRaw(0x0a);
      for (let t = this.rb.canonHead; t !== this.rb.head; t++) this.out.echoChar(this.rb.at(t));
      this.out.commitEchoes();
      return true;
    }
    if (c === 0x0a) {
      if (this.l(ECHO) || this.l(ECHONL)) {
        this.out.echoCharRaw(0x0a);
        this.out.commitEchoes();
      }
      this.handleNewline(c);
      return true;
    }
    if (c === this.cc(VEOF)) {
      this.handleNewline(DISABLED_CHAR);
      return true;
    }
    if (c === this.cc(VEOL) || (c === this.cc(VEOL2) && iexten)) {
      if (this.l(ECHO)) {
        if (this.rb.canonHead === this.rb.head) this.out.echoSetCanonCol();
        this.out.echoChar(c);
        this.out.commitEchoes();
      }
      this.handleNewline(c);
      return true;
    }
    return false;
  }

  /** reset_buffer_flags() */
  private resetBufferFlags(): void {
    this.rb.reset();
    this.out.erasing = false;
    this.lookaheadCount = 0;
  }

  /**
   * Non-canonical read: VMIN bytes (or fewer if count is smaller); VTIME is taken as expired.
   * Non-blocking, n_tty_read() copies what is there and returns it when the wait for more
   * would say EAGAIN.
   */
  private readRaw(count: number, nonblock: boolean): string | null {
    const avail = this.rb.commitHead - this.rb.tail;
    const vmin = this.cc(VMIN);
    if (vmin === 0) {
      // VTIME>0 makes the read wait for a byte; non-blocking, that wait is EAGAIN.
      if (avail === 0) return nonblock && this.cc(VTIME) ? null : '';
    } else if (avail < (this.cc(VTIME) || nonblock ? 1 : Math.min(vmin, count))) return null;
    return this.rb.copyRaw(Math.min(avail, count));
  }
}
