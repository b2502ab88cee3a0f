// /sbin/init: pid 1. It reaps orphans forever and, when the machine has a console user
// (`khelper.console=1` on the kernel command line), runs a login shell on /dev/tty1 as the
// session leader with the terminal as its controlling tty, respawning it when it exits.
import { ECHILD, EINTR } from '../../uapi/errno.ts';
import { O_NOCTTY, O_RDWR, O_WRONLY } from '../../uapi/fcntl.ts';
import type { ProgramArgs, UserGen } from '../../uapi/syscalls.ts';
import { readFile, writeAll } from '../lib/io.ts';
import { chdir, close, dup2, execve, exit, fork, open, pause, setsid, sigaction, wait4, nanosleep } from '../lib/sys.ts';
import { SA_RESTART, SIGCHLD } from '../../uapi/signal.ts';

const SHELL_ENV = ['HOME=/root', 'PATH=/sbin:/usr/sbin:/bin:/usr/bin', 'TERM=linux', 'USER=root', 'LOGNAME=root', 'SHELL=/bin/bash'];

function* runShell(): UserGen {
  yield* setsid();
  const fd = yield* open('/dev/tty1', O_RDWR);
  if (fd < 0) return 1;
  if (fd !== 0) yield* dup2(fd, 0);
  yield* dup2(0, 1);
  yield* dup2(0, 2);
  yield* chdir('/root');
  for (const sh of ['/bin/bash', '/bin/sh']) {
    yield* execve(sh, [sh === '/bin/bash' ? '-bash' : '-sh'], SHELL_ENV);
  }
  yield* writeAll(2, 'init: cannot run /bin/bash or /bin/sh\n');
  return yield* exit(127);
}

export function* initMain(_args: ProgramArgs): UserGen {
  // The kernel hands init no descriptors; the console is its stdin, stdout and stderr.
  const con = yield* open('/dev/console', O_RDWR | O_NOCTTY);
  if (con === 0) {
    yield* dup2(0, 1);
    yield* dup2(0, 2);
  }
  // pid 1 ignores signals it has no handler for (SIGNAL_UNKILLABLE), so pause() needs a SIGCHLD
  // handler to wake up for orphans to reap, as sysvinit installs one.
  yield* sigaction(SIGCHLD, { handler: function* () {}, mask: 0, flags: SA_RESTART });
  // As udev's boot script does: no uevent helper, uevents go to udevd (absent here) over netlink.
  const hp = yield* open('/proc/sys/kernel/hotplug', O_WRONLY);
  if (hp >= 0) {
    yield* writeAll(hp, '\n');
    yield* close(hp);
  }
  const cmdline = yield* readFile('/proc/cmdline');
  const console = typeof cmdline === 'string' && /(^|\s)khelper\.console=1(\s|$)/.test(cmdline);
  let shell = console ? yield* fork(runShell) : -1;
  let quickExits = 0;
  for (;;) {
    const r = yield* wait4(-1, 0);
    if (r === -EINTR) continue;
    if (r === -ECHILD) {
      yield* pause();
      continue;
    }
    if (typeof r !== 'number' && r.pid === shell && console) {
      // Respawn like a getty line in inittab, but give up on a shell that cannot start.
      quickExits++;
      if (quickExits > 10) {
        yield* writeAll(2, 'init: shell respawning too fast: disabled\n');
        shell = -1;
        continue;
      }
      yield* nanosleep(1e8);
      shell = yield* fork(runShell);
    }
  }
}
