// drivers/tty/n_tty.c, the read buffer: read_buf/read_flags as a 4096-byte ring with the
// read_head/commit_head/canon_head/read_tail cursors, and the copy-out side of n_tty_read().
import { N_TTY_BUF_SIZE } from './n_tty_output.ts';

/** _POSIX_VDISABLE: stored in place of VEOF so that a read stops there without returning it. */
export const DISABLED_CHAR = 0;
const MASK = (i: number): number => i & (N_TTY_BUF_SIZE - 1);

export class ReadBuffer {
  private readonly buf = new Uint8Array(N_TTY_BUF_SIZE);
  /** read_flags: 1 where a line ends (newline, VEOL, the VEOF marker). */
  private readonly flags = new Uint8Array(N_TTY_BUF_SIZE);
  /** Cursors count bytes ever queued; MASK() maps them into the ring, as in Linux. */
  head = 0;
  commitHead = 0;
  canonHead = 0;
  tail = 0;

  at(i: number): number { return this.buf[MASK(i)]; }
  cnt(): number { return this.head - this.tail; }
  put(c: number): void {
    this.buf[MASK(this.head)] = c;
    this.head++;
  }
  /** n_tty_receive_handle_newline(): queue `c` as the end of a line. */
  putEol(c: number): void {
    this.flags[MASK(this.head)] = 1;
    this.put(c);
    this.canonHead = this.head;
  }
  markEol(i: number): void { this.flags[MASK(i)] = 1; }
  clearFlags(): void { this.flags.fill(0); }
  /** reset_buffer_flags() */
  reset(): void {
    this.head = this.canonHead = this.tail = this.commitHead = 0;
    this.flags.fill(0);
  }

  /**
   * canon_copy_from_read_buf(), repeated as tty_read() does: up to `count` bytes of one line,
   * the line end included unless it is the VEOF marker. When `count` runs out first, a VEOF
   * marker right at the cut is eaten (canon_skip_eof()), so "ab^D" read 2 bytes at a time gives
   * "ab" and then blocks instead of reporting end of file.
   */
  copyCanon(count: number): string {
    let s = '';
    let nr = count;
    while (nr > 0 && this.tail !== this.canonHead) {
      const k = MASK(this.tail);
      const c = this.buf[k];
      this.tail++;
      if (this.flags[k]) {
        this.flags[k] = 0;
        return c === DISABLED_CHAR ? s : s + String.fromCharCode(c);
      }
      s += String.fromCharCode(c);
      nr--;
    }
    const k = MASK(this.tail);
    if (this.tail !== this.canonHead && this.flags[k] && this.buf[k] === DISABLED_CHAR) {
      this.flags[k] = 0;
      this.tail++;
    }
    return s;
  }

  /** copy_from_read_buf(): `n` bytes straight out (non-canonical mode). */
  copyRaw(n: number): string {
    let s = '';
    for (let k = 0; k < n; k++) s += String.fromCharCode(this.buf[MASK(this.tail + k)]);
    this.tail += n;
    return s;
  }

  /**
   * inq_canon(): what complete lines hold, VEOF markers not counted. The marker scan runs
   * while the masked positions differ, as in Linux, so with a full 4096-byte ring (a 4095-byte
   * line ended by ^D) nothing is scanned and the marker counts.
   */
  inqCanon(): number {
    let nr = this.canonHead - this.tail;
    for (let t = this.tail; MASK(t) !== MASK(this.canonHead); t++) {
      if (this.flags[MASK(t)] && this.buf[MASK(t)] === DISABLED_CHAR) nr--;
    }
    return nr;
  }
}
