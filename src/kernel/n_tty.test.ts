// Golden-byte tests of the line discipline, xterm-pty style: bytes typed -> exact echo, bytes a
// read() gets, signals raised. Expected bytes follow drivers/tty/n_tty.c (Linux 6.x).
import { describe, expect, it } from 'vitest';
import { NTty, N_TTY_BUF_SIZE } from './n_tty.ts';
import {
  ECHO, ECHOCTL, ECHOE, ECHOKE, ECHONL, ECHOPRT, ICANON, ICRNL, IGNCR, INLCR, ISIG, IUTF8, IXANY, IXON,
  NOFLSH, OCRNL, ONLCR, ONLRET, ONOCR, OPOST, VEOL, VMIN, VTIME, defaultTermios,
} from '../uapi/termios.ts';
import type { Termios } from '../uapi/termios.ts';
import { SIGINT, SIGQUIT, SIGTSTP } from '../uapi/signal.ts';

function tty(tweak?: (t: Termios) => void) {
  const signals: number[] = [];
  let readerWakes = 0;
  let writerWakes = 0;
  const t = new NTty({
    signal: (s) => signals.push(s),
    wakeReaders: () => readerWakes++,
    wakeWriters: () => writerWakes++,
  });
  if (tweak) {
    const tm = defaultTermios();
    tweak(tm);
    t.setTermios(tm);
    t.takeOutput();
  }
  /** Type each chunk (the terminal drains output after each) and return what it shows. */
  const type = (...chunks: string[]): string => {
    let shown = '';
    for (const c of chunks) {
      t.receive(c);
      shown += t.takeOutput();
    }
    return shown;
  };
  return { t, type, signals, wakes: () => ({ readers: readerWakes, writers: writerWakes }) };
}

describe('canonical mode echo and read', () => {
  it('echoes typed text and turns CR into "\\r\\n" (ICRNL, ONLCR); the line reads as "abc\\n"', () => {
    const { t, type } = tty();
    expect(type('abc\r')).toBe('abc\r\n');
    expect(t.read(100)).toBe('abc\n');
    expect(t.read(100)).toBeNull();
  });
  it('blocks until a whole line is there, then wakes readers', () => {
    const { t, type, wakes } = tty();
    type('ab');
    expect(t.readable()).toBe(false);
    expect(t.read(10)).toBeNull();
    type('\n');
    expect(wakes().readers).toBe(1);
    expect(t.readable()).toBe(true);
    expect(t.read(10)).toBe('ab\n');
  });
  it('returns one line per read, and a short read leaves the rest of the line', () => {
    const { t, type } = tty();
    type('one\rtwo\r');
    expect(t.read(2)).toBe('on');
    expect(t.read(100)).toBe('e\n');
    expect(t.read(100)).toBe('two\n');
  });
  it('echoes each chunk as it arrives (typed key by key)', () => {
    const { type } = tty();
    expect(type('h')).toBe('h');
    expect(type('i')).toBe('i');
  });
  it('passes a 0xff byte through the echo buffer escaped and prints it once', () => {
    const { t, type } = tty();
    expect(type('\xff\r')).toBe('\xff\r\n');
    expect(t.read(10)).toBe('\xff\n');
  });
});

describe('VERASE', () => {
  it('erases with "\\b \\b" (ECHOE)', () => {
    const { t, type } = tty();
    expect(type('abc', '\x7f', '\r')).toBe('abc\b \b\r\n');
    expect(t.read(10)).toBe('ab\n');
  });
  it('does nothing at the start of a line', () => {
    const { t, type } = tty();
    expect(type('\x7f')).toBe('');
    expect(type('\r')).toBe('\r\n');
    expect(t.read(10)).toBe('\n');
  });
  it('without ECHOE echoes the erase character itself, as ^? with ECHOCTL', () => {
    const { t, type } = tty((tm) => { tm.lflag &= ~ECHOE; });
    expect(type('ab', '\x7f')).toBe('ab^?');
    type('\r');
    expect(t.read(10)).toBe('a\n');
  });
  it('erases a whole 2-byte UTF-8 character with IUTF8 (one "\\b \\b")', () => {
    const { t, type } = tty();
    expect(type('x\xc3\xa9', '\x7f', '\r')).toBe('x\xc3\xa9\b \b\r\n');
    expect(t.read(10)).toBe('x\n');
  });
  it('erases a 3-byte UTF-8 character (€) in one step', () => {
    const { t, type } = tty();
    expect(type('\xe2\x82\xac', '\x7f', '\r')).toBe('\xe2\x82\xac\b \b\r\n');
    expect(t.read(10)).toBe('\n');
  });
  it('without IUTF8 erases one byte and leaves the lead byte behind', () => {
    const { t, type } = tty((tm) => { tm.iflag &= ~IUTF8; });
    expect(type('\xc3\xa9', '\x7f', '\r')).toBe('\xc3\xa9\b \b\r\n');
    expect(t.read(10)).toBe('\xc3\n');
  });
  it('erases a control character shown as ^A over two columns', () => {
    const { t, type } = tty();
    expect(type('\x16\x01', '\x7f')).toBe('^\b^A\b \b\b \b');
    type('\r');
    expect(t.read(10)).toBe('\n');
  });
  it('erases a tab with as many backspaces as the tab moved', () => {
    const { type } = tty();
    expect(type('ab\t', '\x7f')).toBe('ab\t\b\b\b\b\b\b');
  });
  it('erases a tab relative to the column the line started at (after a prompt)', () => {
    const { t, type } = tty();
    t.write('$ ');
    expect(type('\t', '\x7f')).toBe('$ \t\b\b\b\b\b\b');
  });
  it('erases a tab after a tab by 8 columns', () => {
    const { type } = tty();
    expect(type('ab\t\t', '\x7f')).toBe('ab\t\t\b\b\b\b\b\b\b\b');
  });
  it('ECHOPRT shows erased characters between \\ and /', () => {
    const { t, type } = tty((tm) => { tm.lflag = (tm.lflag | ECHOPRT) & ~ECHOKE; });
    expect(type('abc', '\x7f', '\x7f', 'x')).toBe('abc\\cb/x');
    type('\r');
    expect(t.read(10)).toBe('ax\n');
  });
});

describe('VWERASE, VKILL, VREPRINT, VLNEXT', () => {
  it('^W erases the last word', () => {
    const { t, type } = tty();
    expect(type('foo bar', '\x17')).toBe('foo bar' + '\b \b'.repeat(3));
    type('\r');
    expect(t.read(10)).toBe('foo \n');
  });
  it('^W over punctuation erases it together with the word before it (ALTWERASE)', () => {
    const { t, type } = tty();
    expect(type('foo-bar.', '\x17')).toBe('foo-bar.' + '\b \b'.repeat(4));
    type('\r');
    expect(t.read(10)).toBe('foo-\n');
  });
  it('^W erases trailing blanks and then the word', () => {
    const { t, type } = tty();
    type('ls foo  ', '\x17', '\r');
    expect(t.read(20)).toBe('ls \n');
  });
  it('^U with ECHOKE erases the line visually', () => {
    const { t, type } = tty();
    expect(type('hello', '\x15')).toBe('hello' + '\b \b'.repeat(5));
    type('x\r');
    expect(t.read(10)).toBe('x\n');
  });
  it('^U without ECHOKE echoes ^U and a newline (ECHOK)', () => {
    const { t, type } = tty((tm) => { tm.lflag &= ~ECHOKE; });
    expect(type('hello', '\x15')).toBe('hello^U\r\n');
    type('x\r');
    expect(t.read(10)).toBe('x\n');
  });
  it('^U without ECHO kills silently', () => {
    const { t, type } = tty((tm) => { tm.lflag &= ~ECHO; });
    expect(type('secret', '\x15', 'ok\r')).toBe('');
    expect(t.read(10)).toBe('ok\n');
  });
  it('^R reprints the line being typed', () => {
    const { type } = tty();
    expect(type('abc', '\x12')).toBe('abc^R\r\nabc');
  });
  it('^V makes ^C literal: echo "^\\b^C", no signal, byte 3 read', () => {
    const { t, type, signals } = tty();
    expect(type('\x16', '\x03', '\r')).toBe('^\b^C\r\n');
    expect(signals).toEqual([]);
    expect(t.read(10)).toBe('\x03\n');
  });
  it('^V makes DEL literal', () => {
    const { t, type } = tty();
    expect(type('\x16\x7f\r')).toBe('^\b^?\r\n');
    expect(t.read(10)).toBe('\x7f\n');
  });
});

describe('VEOF and VEOL', () => {
  it('^D at the start of a line is end of file: read returns ""', () => {
    const { t, type } = tty();
    expect(type('\x04')).toBe('');
    expect(t.read(10)).toBe('');
    expect(t.read(10)).toBeNull();
  });
  it('^D mid-line hands over the line without a newline', () => {
    const { t, type } = tty();
    expect(type('ab\x04')).toBe('ab');
    expect(t.read(10)).toBe('ab');
    expect(t.read(10)).toBeNull();
  });
  it('a read that fills its buffer right before ^D eats the EOF marker (canon_skip_eof)', () => {
    const { t, type } = tty();
    type('ab\x04');
    expect(t.read(2)).toBe('ab');
    expect(t.read(10)).toBeNull();
  });
  it('FIONREAD does not count EOF markers', () => {
    const { t, type } = tty();
    type('ab\x04', '\x04');
    expect(t.inq()).toBe(2);
  });
  it('FIONREAD counts the EOF marker of a line that fills the whole ring (inq_canon scans masked)', () => {
    const { t, type } = tty();
    type('x'.repeat(4100) + '\x04');
    expect(t.inq()).toBe(N_TTY_BUF_SIZE);
    expect(t.read(8192)).toBe('x'.repeat(N_TTY_BUF_SIZE - 1));
  });
  it('VEOL ends a line and is kept', () => {
    const { t, type } = tty((tm) => { tm.cc[VEOL] = 0x40; });
    expect(type('ab@')).toBe('ab@');
    expect(t.read(10)).toBe('ab@');
  });
});

describe('ISIG', () => {
  it('^C raises SIGINT, echoes ^C (no newline: the shell prints that) and flushes the line', () => {
    const { t, type, signals } = tty();
    expect(type('abc', '\x03')).toBe('abc^C');
    expect(signals).toEqual([SIGINT]);
    type('\r');
    expect(t.read(10)).toBe('\n');
  });
  it('^C in the same chunk as the text drops the not yet written echo too', () => {
    const { type, signals } = tty();
    expect(type('abc\x03')).toBe('^C');
    expect(signals).toEqual([SIGINT]);
  });
  it('^C discards program output the terminal has not taken yet', () => {
    const { t, type } = tty();
    t.write('lots of output');
    expect(type('\x03')).toBe('^C');
  });
  it('^C with NOFLSH keeps the line', () => {
    const { t, type, signals } = tty((tm) => { tm.lflag |= NOFLSH; });
    expect(type('abc', '\x03', '\r')).toBe('abc^C\r\n');
    expect(signals).toEqual([SIGINT]);
    expect(t.read(10)).toBe('abc\n');
  });
  it('^\\ raises SIGQUIT and ^Z SIGTSTP', () => {
    const { type, signals } = tty();
    expect(type('\x1c')).toBe('^\\');
    expect(type('\x1a')).toBe('^Z');
    expect(signals).toEqual([SIGQUIT, SIGTSTP]);
  });
  it('without ISIG ^C is an ordinary byte', () => {
    const { t, type, signals } = tty((tm) => { tm.lflag &= ~ISIG; });
    expect(type('\x03\r')).toBe('^C\r\n');
    expect(signals).toEqual([]);
    expect(t.read(10)).toBe('\x03\n');
  });
  it('without ECHOCTL ^C echoes the raw byte', () => {
    const { type } = tty((tm) => { tm.lflag &= ~ECHOCTL; });
    expect(type('\x03')).toBe('\x03');
  });
});

describe('input translation and echo flags', () => {
  it('without ICRNL a CR is an ordinary character, echoed as ^M', () => {
    const { t, type } = tty((tm) => { tm.iflag &= ~ICRNL; });
    expect(type('a\r')).toBe('a^M');
    expect(t.read(10)).toBeNull();
    type('\n');
    expect(t.read(10)).toBe('a\r\n');
  });
  it('IGNCR drops CR', () => {
    const { t, type } = tty((tm) => { tm.iflag |= IGNCR; });
    expect(type('a\r\n')).toBe('a\r\n');
    expect(t.read(10)).toBe('a\n');
  });
  it('INLCR turns NL into CR', () => {
    const { t, type } = tty((tm) => { tm.iflag = (tm.iflag | INLCR) & ~ICRNL; });
    expect(type('a\n')).toBe('a^M');
    expect(t.read(10)).toBeNull();
  });
  it('ECHONL echoes the newline even without ECHO', () => {
    const { t, type } = tty((tm) => { tm.lflag = (tm.lflag & ~ECHO) | ECHONL; });
    expect(type('pw\r')).toBe('\r\n');
    expect(t.read(10)).toBe('pw\n');
  });
  it('without ECHO nothing is echoed', () => {
    const { t, type } = tty((tm) => { tm.lflag &= ~ECHO; });
    expect(type('secret\r')).toBe('');
    expect(t.read(10)).toBe('secret\n');
  });
});

describe('non-canonical mode', () => {
  const raw = (tm: Termios) => { tm.lflag &= ~(ICANON | ECHO); tm.cc[VMIN] = 1; tm.cc[VTIME] = 0; };
  it('VMIN=1: each byte is readable at once, no echo', () => {
    const { t, type } = tty(raw);
    expect(t.read(10)).toBeNull();
    expect(type('x')).toBe('');
    expect(t.readable()).toBe(true);
    expect(t.read(10)).toBe('x');
  });
  it('VMIN=3 waits for three bytes, unless the read asks for fewer', () => {
    const { t, type } = tty((tm) => { raw(tm); tm.cc[VMIN] = 3; });
    type('ab');
    expect(t.read(10)).toBeNull();
    expect(t.readable()).toBe(false);
    expect(t.read(2)).toBe('ab');
    type('cde');
    expect(t.read(10)).toBe('cde');
  });
  it('VMIN=3 non-blocking: a read takes the bytes that are there (n_tty_read copies, then EAGAIN)', () => {
    const { t, type } = tty((tm) => { raw(tm); tm.cc[VMIN] = 3; });
    expect(t.read(10, true)).toBeNull();
    type('ab');
    expect(t.readable()).toBe(false);
    expect(t.read(10, true)).toBe('ab');
  });
  it('VMIN=0, VTIME>0 non-blocking with nothing there is EAGAIN, not end of file', () => {
    const { t } = tty((tm) => { raw(tm); tm.cc[VMIN] = 0; tm.cc[VTIME] = 5; });
    expect(t.read(10, true)).toBeNull();
    expect(t.read(10)).toBe('');
  });
  it('VMIN=0 returns at once, empty when there is nothing', () => {
    const { t } = tty((tm) => { raw(tm); tm.cc[VMIN] = 0; });
    expect(t.read(10)).toBe('');
  });
  it('VTIME with VMIN>0 counts as expired: one byte is enough', () => {
    const { t, type } = tty((tm) => { raw(tm); tm.cc[VMIN] = 4; tm.cc[VTIME] = 5; });
    type('a');
    expect(t.read(10)).toBe('a');
  });
  it('^C still signals when ISIG stays on', () => {
    const { type, signals } = tty(raw);
    type('\x03');
    expect(signals).toEqual([SIGINT]);
  });
  it('with ECHO on, CR (ICRNL) echoes a newline but a typed ^J echoes as "^J"', () => {
    const { t, type } = tty((tm) => { tm.lflag &= ~ICANON; });
    expect(type('\r')).toBe('\r\n');
    expect(type('\n')).toBe('^J');
    expect(t.read(10)).toBe('\n\n');
  });
  it('switching to raw hands over a half-typed line; switching back pushes raw input as a line', () => {
    const { t, type } = tty();
    type('ab');
    const tm = defaultTermios();
    raw(tm);
    t.setTermios(tm);
    expect(t.read(10)).toBe('ab');
    type('cd');
    t.setTermios(defaultTermios());
    expect(t.read(10)).toBe('cd');
  });
  it('DEL and ^U are data in raw mode', () => {
    const { t, type } = tty(raw);
    type('a\x7f\x15');
    expect(t.read(10)).toBe('a\x7f\x15');
  });
});

describe('flow control (IXON)', () => {
  it('^S stops output: writes take nothing until ^Q, which wakes writers', () => {
    const { t, type, wakes } = tty();
    type('\x13');
    expect(t.stopped).toBe(true);
    expect(t.write('hello')).toBe(0);
    expect(t.takeOutput()).toBe('');
    const before = wakes().writers;
    type('\x11');
    expect(wakes().writers).toBe(before + 1);
    expect(t.write('hello')).toBe(5);
    expect(t.takeOutput()).toBe('hello');
  });
  it('echo typed while stopped appears at ^Q', () => {
    const { type } = tty();
    expect(type('\x13', 'ab')).toBe('');
    expect(type('\x11')).toBe('ab');
  });
  it('with IXANY any key restarts output', () => {
    const { t, type } = tty((tm) => { tm.iflag |= IXANY; });
    type('\x13');
    expect(type('x')).toBe('x');
    expect(t.stopped).toBe(false);
  });
  it('without IXON ^S is an ordinary byte', () => {
    const { t, type } = tty((tm) => { tm.iflag &= ~IXON; });
    expect(type('\x13')).toBe('^S');
    expect(t.stopped).toBe(false);
  });
  it('clearing IXON while stopped restarts output', () => {
    const { t, type } = tty();
    type('\x13');
    const tm = defaultTermios();
    tm.iflag &= ~IXON;
    t.setTermios(tm);
    expect(t.stopped).toBe(false);
  });
});

describe('output processing', () => {
  it('ONLCR turns \\n into \\r\\n', () => {
    const { t } = tty();
    expect(t.write('a\nb')).toBe(3);
    expect(t.takeOutput()).toBe('a\r\nb');
  });
  it('without OPOST output is untouched', () => {
    const { t } = tty((tm) => { tm.oflag &= ~OPOST; });
    t.write('a\nb\r');
    expect(t.takeOutput()).toBe('a\nb\r');
  });
  it('OCRNL turns CR into NL', () => {
    const { t } = tty((tm) => { tm.oflag = OPOST | OCRNL; });
    t.write('a\r');
    expect(t.takeOutput()).toBe('a\n');
  });
  it('ONOCR drops a CR in column 0 only', () => {
    const { t } = tty((tm) => { tm.oflag = OPOST | ONOCR; });
    t.write('\rx\r');
    expect(t.takeOutput()).toBe('x\r');
  });
  it('ONLRET: NL also returns the column to 0', () => {
    const { t } = tty((tm) => { tm.oflag = OPOST | ONLRET; });
    t.write('abc\n');
    expect(t.column).toBe(0);
    t.write('ab');
    expect(t.column).toBe(2);
    expect(t.takeOutput()).toBe('abc\nab');
  });
  it('tracks columns through tabs, backspaces and UTF-8', () => {
    const { t } = tty();
    t.write('a\tb');
    expect(t.column).toBe(9);
    t.write('\b\xc3\xa9');
    expect(t.column).toBe(9);
    t.write('\r');
    expect(t.column).toBe(0);
  });
  it('ONLCR is off: \\n keeps the column', () => {
    const { t } = tty((tm) => { tm.oflag &= ~ONLCR; });
    t.write('ab\n');
    expect(t.column).toBe(2);
  });
});

describe('the 4096-byte input buffer', () => {
  it('a canonical line keeps 4095 bytes and room for the newline; the rest is echoed, not stored', () => {
    const { t, type } = tty();
    const echo = type('x'.repeat(5000) + 'y\r');
    expect(echo).toBe('x'.repeat(5000) + 'y\r\n');
    const line = t.read(8192);
    expect(line).toBe('x'.repeat(N_TTY_BUF_SIZE - 1) + '\n');
  });
  it('erase still works on a full line', () => {
    const { t, type } = tty();
    type('x'.repeat(5000), '\x7f', '\x7f', '\r');
    expect(t.read(8192)!.length).toBe(N_TTY_BUF_SIZE - 2);
  });
  it('^U over a full line: the echo ring wraps, only what is before the commit slot goes out now', () => {
    // 4095 "\b \b" are 12285 echo bytes in a 4096-byte ring; __process_echoes() compares masked
    // positions, so 12285 % 4096 = 4093 bytes go out and the rest (less what the discard
    // watermark drops) comes with the next key. Recorded on a real pty (ntty-recorded.json).
    const { t, type } = tty();
    type('x'.repeat(5000));
    expect(type('\x15').length).toBe(4093);
    expect(type('y\r')).toBe('\b \b'.repeat(1269) + 'y\r\n');
    expect(t.read(10)).toBe('y\n');
  });
  it('raw input beyond 4095 bytes waits in the flip buffer and is not lost', () => {
    const { t, type } = tty((tm) => { tm.lflag &= ~(ICANON | ECHO); });
    type('z'.repeat(5000));
    expect(t.inq()).toBe(N_TTY_BUF_SIZE - 1);
    expect(t.read(10000)!.length).toBe(N_TTY_BUF_SIZE - 1);
    expect(t.read(10000)!.length).toBe(5000 - (N_TTY_BUF_SIZE - 1));
  });
  it('behind complete lines, input waits (unechoed) until a reader makes room', () => {
    const { t, type } = tty();
    type('a'.repeat(3000) + '\r');
    const echo = type('b'.repeat(2000) + '\r');
    expect(echo).toBe('b'.repeat(N_TTY_BUF_SIZE - 3001 - 1));
    expect(t.read(8192)!.length).toBe(3001);
    expect(t.takeOutput()).toBe('b'.repeat(2000 - (N_TTY_BUF_SIZE - 3002)) + '\r\n');
    expect(t.read(8192)).toBe('b'.repeat(2000) + '\n');
  });
  it('^Q is seen even while the input buffer is full (lookahead)', () => {
    const { t, type } = tty((tm) => { tm.lflag &= ~(ICANON | ECHO); tm.iflag |= IXON; });
    type('\x13');
    type('q'.repeat(5000) + '\x11');
    expect(t.stopped).toBe(false);
    expect(t.read(10000)!.length).toBe(N_TTY_BUF_SIZE - 1);
    expect(t.read(10000)).toBe('q'.repeat(5000 - (N_TTY_BUF_SIZE - 1)));
  });
  it('flushInput discards typed input and the flip buffer', () => {
    const { t, type } = tty();
    type('abc\rdef');
    t.flushInput();
    expect(t.read(10)).toBeNull();
    type('\r');
    expect(t.read(10)).toBe('\n');
  });
});
