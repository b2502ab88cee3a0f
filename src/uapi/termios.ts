// include/uapi/asm-generic/termbits.h and ioctls.h: the subset our n_tty implements.
export const VINTR = 0, VQUIT = 1, VERASE = 2, VKILL = 3, VEOF = 4, VTIME = 5, VMIN = 6, VSTART = 8,
  VSTOP = 9, VSUSP = 10, VEOL = 11, VREPRINT = 12, VWERASE = 14, VLNEXT = 15, VEOL2 = 16, NCCS = 19;
// c_iflag
export const IGNBRK = 0o1, BRKINT = 0o2, IGNPAR = 0o4, ISTRIP = 0o40, INLCR = 0o100, IGNCR = 0o200,
  ICRNL = 0o400, IXON = 0o2000, IXANY = 0o4000, IXOFF = 0o10000, IMAXBEL = 0o20000, IUTF8 = 0o40000;
// c_oflag
export const OPOST = 0o1, ONLCR = 0o4, OCRNL = 0o10, ONOCR = 0o20, ONLRET = 0o40;
// c_lflag
export const ISIG = 0o1, ICANON = 0o2, ECHO = 0o10, ECHOE = 0o20, ECHOK = 0o40, ECHONL = 0o100,
  NOFLSH = 0o200, TOSTOP = 0o400, ECHOCTL = 0o1000, ECHOPRT = 0o2000, ECHOKE = 0o4000, IEXTEN = 0o100000;

export interface Termios {
  iflag: number;
  oflag: number;
  cflag: number;
  lflag: number;
  cc: number[];
}

export interface Winsize {
  rows: number;
  cols: number;
}

/** The defaults a Linux tty starts with (tty_std_termios): cooked, echoing, ^C/^\/^Z/^D. */
export function defaultTermios(): Termios {
  const cc = new Array<number>(NCCS).fill(0);
  cc[VINTR] = 0x03; cc[VQUIT] = 0x1c; cc[VERASE] = 0x7f; cc[VKILL] = 0x15; cc[VEOF] = 0x04;
  cc[VTIME] = 0; cc[VMIN] = 1; cc[VSTART] = 0x11; cc[VSTOP] = 0x13; cc[VSUSP] = 0x1a;
  cc[VREPRINT] = 0x12; cc[VWERASE] = 0x17; cc[VLNEXT] = 0x16;
  return {
    iflag: ICRNL | IXON | IUTF8,
    oflag: OPOST | ONLCR,
    cflag: 0o277, // B38400 | CS8 | CREAD
    lflag: ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE | IEXTEN,
    cc,
  };
}

export const TCGETS = 0x5401, TCSETS = 0x5402, TCSETSW = 0x5403, TCSETSF = 0x5404, TIOCSCTTY = 0x540e,
  TIOCGPGRP = 0x540f, TIOCSPGRP = 0x5410, TIOCGWINSZ = 0x5413, TIOCSWINSZ = 0x5414, TIOCNOTTY = 0x5422,
  FIONREAD = 0x541b, TIOCGSID = 0x5429;
