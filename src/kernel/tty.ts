// drivers/tty/tty_io.c + the console: a terminal whose keyboard is the host (xterm or a test),
// with n_tty in between, a foreground process group and session for job control, TIOC* ioctls,
// SIGWINCH on resize. /dev/console writes and printk share the same screen.
import { EINVAL, EIO, ENOTTY, EPERM, ERESTARTSYS } from '../uapi/errno.ts';
import { O_NONBLOCK } from '../uapi/fcntl.ts';
import { SIGTTIN, SIGTTOU, SIGWINCH, SIGHUP, SIGCONT, sigmask } from '../uapi/signal.ts';
import {
  FIONREAD, TCGETS, TCSETS, TCSETSF, TCSETSW, TIOCGPGRP, TIOCGSID, TIOCGWINSZ, TIOCNOTTY, TIOCSCTTY, TIOCSPGRP, TIOCSWINSZ, TOSTOP,
} from '../uapi/termios.ts';
import type { Termios, Winsize } from '../uapi/termios.ts';
import type { FileOps } from './file.ts';
import type { Kernel } from './kernel.ts';
import { NTty } from './n_tty.ts';
import { OUTPUT_ROOM } from './n_tty_output.ts';
import { sendSignal } from './signal.ts';
import type { Task } from './task.ts';
import { WaitQueue, wakeUp } from './wait.ts';

export class Tty {
  readonly ldisc: NTty;
  pgrp = 0;
  session = 0;
  readonly readWait = new WaitQueue('tty_read');
  readonly writeWait = new WaitQueue('tty_write');
  /**
   * Bytes for the screen that the host (xterm, a test) has not taken yet. Like a pty whose reader
   * is slow, a writer blocks once BACKLOG bytes wait here: n_tty keeps the rest, fills up, and
   * write() sleeps until takeHost() drains (an output flood cannot eat memory).
   */
  private hostBuf = '';
  static readonly BACKLOG = 1 << 20;
  /** printk lines dropped because the host was not reading (the console cannot block the kernel). */
  droppedOutput = 0;

  constructor(private readonly k: Kernel, readonly name: string) {
    this.ldisc = new NTty({
      signal: (sig) => this.killPgrp(sig),
      wakeReaders: () => wakeUp(k, this.readWait),
      wakeWriters: () => wakeUp(k, this.writeWait),
    });
  }

  killPgrp(sig: number): void {
    if (!this.pgrp) return;
    for (const t of [...this.k.tasks.values()]) if (t.signal.pgrp === this.pgrp && !t.exitState) sendSignal(this.k, sig, t);
  }

  /** No room for another full n_tty output buffer: hold writers (what waits stays <= BACKLOG). */
  get hostFull(): boolean {
    return this.hostBuf.length > Tty.BACKLOG - OUTPUT_ROOM;
  }

  /** Bytes straight to the screen (console driver writes, printk), after what n_tty produced. */
  driverWrite(bytes: string): void {
    this.flush();
    if (this.hostBuf.length + bytes.length > Tty.BACKLOG) this.droppedOutput += bytes.length;
    else this.hostBuf += bytes;
  }

  /** Move what the line discipline has for the screen (echo, output) to the host's buffer. */
  flush(): void {
    if (this.hostFull) return;
    const out = this.ldisc.takeOutput();
    if (out) this.hostBuf += out;
  }

  /** The host takes everything waiting for the screen; blocked writers may go on. */
  takeHost(): string {
    this.flush();
    const out = this.hostBuf;
    this.hostBuf = '';
    if (out) {
      this.flush();
      wakeUp(this.k, this.writeWait);
    }
    return out;
  }

  /** Keyboard input from the host. */
  input(bytes: string): void {
    this.ldisc.receive(bytes);
    this.flush();
  }

  resize(ws: Winsize): void {
    const old = this.ldisc.winsize;
    this.ldisc.winsize = { ...ws };
    if (old.rows !== ws.rows || old.cols !== ws.cols) this.killPgrp(SIGWINCH);
  }

  /** The session leader went away: hang up (SIGHUP + SIGCONT to the foreground group). */
  hangup(): void {
    this.killPgrp(SIGHUP);
    this.killPgrp(SIGCONT);
    this.session = 0;
    this.pgrp = 0;
  }
}

function isIgnoredOrBlocked(t: Task, sig: number): boolean {
  return (t.blocked & sigmask(sig)) !== 0 || t.sighand.action[sig].handler === 'ignore';
}

/** tty_check_change()/job control: may t use the tty now? 0, or an error to return. */
function jobControl(k: Kernel, tty: Tty, t: Task, sig: number): number {
  if (t.signal.tty !== tty || !tty.pgrp || t.signal.pgrp === tty.pgrp) return 0;
  if (isIgnoredOrBlocked(t, sig)) return sig === SIGTTIN ? -EIO : 0;
  for (const o of [...k.tasks.values()]) if (o.signal.pgrp === t.signal.pgrp && !o.exitState) sendSignal(k, sig, o);
  return -ERESTARTSYS;
}

export function ttyFileOps(tty: Tty): FileOps {
  return {
    read(k, f, count) {
      const t = k.current;
      const jc = jobControl(k, tty, t, SIGTTIN);
      if (jc) return jc;
      const r = tty.ldisc.read(count, (f.flags & O_NONBLOCK) !== 0);
      tty.flush();
      if (r === null) return f.flags & O_NONBLOCK ? -11 : tty.readWait;
      return r;
    },
    write(k, f, data) {
      const t = k.current;
      if (tty.ldisc.termios.lflag & TOSTOP) {
        const jc = jobControl(k, tty, t, SIGTTOU);
        if (jc) return jc;
      }
      // The host has not taken what is already waiting for the screen: wait as a pty writer does.
      if (tty.hostFull && data.length) return f.flags & O_NONBLOCK ? -11 : tty.writeWait;
      const n = tty.ldisc.write(data);
      tty.flush();
      if (n === 0 && data.length) return f.flags & O_NONBLOCK ? -11 : tty.writeWait;
      return n;
    },
    poll: () => tty.ldisc.inq(),
    ioctl(k, _f, cmd, arg) {
      const t = k.current;
      switch (cmd) {
        case TCGETS:
          return { ...tty.ldisc.termios, cc: [...tty.ldisc.termios.cc] };
        case TCSETS: case TCSETSW: case TCSETSF: {
          const jc = jobControl(k, tty, t, SIGTTOU);
          if (jc) return jc;
          const v = arg as Termios | null;
          if (!v || !Array.isArray(v.cc)) return -EINVAL;
          tty.ldisc.setTermios(v, cmd === TCSETSF);
          tty.flush();
          return 0;
        }
        case TIOCGWINSZ:
          return { ...tty.ldisc.winsize };
        case TIOCSWINSZ: {
          const v = arg as Winsize | null;
          if (!v) return -EINVAL;
          tty.resize(v);
          return 0;
        }
        case TIOCGPGRP:
          if (t.signal.tty !== tty) return -ENOTTY;
          return tty.pgrp;
        case TIOCSPGRP: {
          if (t.signal.tty !== tty || t.signal.session !== tty.session) return -ENOTTY;
          const jc = jobControl(k, tty, t, SIGTTOU);
          if (jc) return jc;
          const pgrp = Number(arg);
          if (!(pgrp > 0)) return -EINVAL;
          const exists = [...k.tasks.values()].some((o) => o.signal.pgrp === pgrp && o.signal.session === t.signal.session);
          if (!exists) return -EPERM;
          tty.pgrp = pgrp;
          return 0;
        }
        case TIOCGSID:
          if (t.signal.tty !== tty) return -ENOTTY;
          return tty.session;
        case TIOCSCTTY:
          if (t.signal.session !== t.pid) return -EPERM;
          if (t.signal.tty === tty) return 0;
          if (tty.session && tty.session !== t.pid && !arg) return -EPERM;
          attachCtty(k, tty, t);
          return 0;
        case TIOCNOTTY:
          if (t.signal.tty !== tty) return -ENOTTY;
          t.signal.tty = null;
          return 0;
        case FIONREAD:
          return tty.ldisc.inq();
        default:
          return -ENOTTY;
      }
    },
  };
}

/** __proc_set_tty(): t's session gets tty as its controlling terminal. */
export function attachCtty(k: Kernel, tty: Tty, t: Task): void {
  tty.session = t.signal.session;
  tty.pgrp = t.signal.pgrp;
  for (const o of k.tasks.values()) if (o.signal.session === t.signal.session) o.signal.tty = tty;
}

