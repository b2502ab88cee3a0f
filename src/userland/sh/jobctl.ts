// Job control on and off (dash's setjobctl): find the terminal, wait to be in the foreground,
// put the shell in its own process group and make it the terminal's foreground group.
import type { UserGen } from '../../uapi/syscalls.ts';
import { F_DUPFD, FD_CLOEXEC, F_SETFD, O_RDWR } from '../../uapi/fcntl.ts';
import { SIGTSTP, SIGTTIN, SIGTTOU } from '../../uapi/signal.ts';
import { close, fcntl, getpgid, kill, open, setpgid, tcgetattr, tcgetpgrp, tcsetpgrp } from '../lib/sys.ts';
import { warnx } from './output.ts';
import type { ShState } from './state.ts';
import { setsignal } from './trap.ts';

function* isatty(fd: number): UserGen<boolean> {
  return typeof (yield* tcgetattr(fd)) !== 'number';
}

export function* setjobctl(sh: ShState, on: boolean): UserGen<void> {
  if (on === sh.jobctl || sh.shlvl !== 0) return;
  if (on) {
    let fd = yield* open('/dev/tty', O_RDWR);
    const ofd = fd;
    if (fd < 0) {
      fd = 2;
      while (!(yield* isatty(fd))) {
        if (--fd < 0) break;
      }
    }
    if (fd >= 0) {
      const nfd = yield* fcntl(fd, F_DUPFD, 10);
      if (ofd >= 0) yield* close(ofd);
      if (nfd >= 0) yield* fcntl(nfd, F_SETFD, FD_CLOEXEC);
      fd = nfd;
    }
    let pgrp = -1;
    if (fd >= 0) {
      for (;;) {
        pgrp = yield* tcgetpgrp(fd);
        if (pgrp < 0) break;
        if (pgrp === (yield* getpgid(0))) break;
        yield* kill(0, SIGTTIN);
      }
    }
    if (fd < 0 || pgrp < 0) {
      yield* warnx(sh, "can't access tty; job control turned off");
      sh.opts.m = false;
      if (fd >= 0) yield* close(fd);
      sh.ttyfd = -1;
      sh.jobctl = false;
      return;
    }
    sh.initialpgrp = pgrp;
    sh.jobctl = true;
    sh.ttyfd = fd;
    yield* setsignal(sh, SIGTSTP);
    yield* setsignal(sh, SIGTTOU);
    yield* setsignal(sh, SIGTTIN);
    yield* setpgid(0, sh.rootpid);
    yield* tcsetpgrp(fd, sh.rootpid);
  } else {
    const fd = sh.ttyfd;
    yield* tcsetpgrp(fd, sh.initialpgrp);
    yield* setpgid(0, sh.initialpgrp);
    sh.jobctl = false;
    yield* setsignal(sh, SIGTSTP);
    yield* setsignal(sh, SIGTTOU);
    yield* setsignal(sh, SIGTTIN);
    yield* close(fd);
    sh.ttyfd = -1;
  }
}
