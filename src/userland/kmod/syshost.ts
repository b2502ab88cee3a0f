// The KmodHost of the real programs: every operation is a syscall (or glibc's composition of a
// few), kept to the minimum a C kmod would make.
import type { Dirent, Stat, UserGen, Utsname } from '../../uapi/syscalls.ts';
import { EINTR } from '../../uapi/errno.ts';
import { O_CLOEXEC, O_CREAT, O_DIRECTORY, O_NOCTTY, O_RDONLY, O_TRUNC, O_WRONLY } from '../../uapi/fcntl.ts';
import { SIG_BLOCK, SIG_SETMASK, SIGCHLD, SIGINT, SIGQUIT, sigmask } from '../../uapi/signal.ts';
import type { SigAction } from '../../uapi/syscalls.ts';
import {
  chmod, clockGettime, close, execve, finitModule, deleteModule, fork, fstat, getcwd, mkdir,
  nanosleep, open, rename, sigaction, sigprocmask, stat, uname, wait4,
} from '../lib/sys.ts';
import { writeAll } from '../lib/io.ts';
import type { KmodHost } from './host.ts';

/** One read asks for this much: a whole-file read returns the file's content in one go. */
const CHUNK = 1 << 24;

/** /proc, /sys and /dev files may return less than asked before EOF; read those to EOF. */
function shortReadIsEof(path: string): boolean {
  return !(path.startsWith('/proc/') || path.startsWith('/sys/') || path.startsWith('/dev/'));
}

// The hot paths (every modprobe run reads a dozen files) yield their syscall records directly
// rather than through sys.ts's one-generator-per-call wrappers: one frame less per syscall.
function* readFile(path: string): UserGen<string | number> {
  const fd = (yield { nr: 'open', path, flags: O_RDONLY | O_CLOEXEC, mode: 0 }) as number;
  if (fd < 0) return fd;
  let buf = '';
  const eofOnShort = shortReadIsEof(path);
  for (;;) {
    const r = (yield { nr: 'read', fd, count: CHUNK }) as string | number;
    if (r === -EINTR) continue;
    if (typeof r === 'number') {
      yield { nr: 'close', fd };
      return buf.length ? buf : r;
    }
    buf = buf.length ? buf + r : r;
    if (r.length === 0 || (eofOnShort && r.length < CHUNK)) break;
  }
  yield { nr: 'close', fd };
  return buf;
}

function* listDir(path: string): UserGen<Dirent[] | number> {
  const fd = (yield { nr: 'open', path, flags: O_RDONLY | O_DIRECTORY | O_CLOEXEC, mode: 0 }) as number;
  if (fd < 0) return fd;
  const out: Dirent[] = [];
  for (;;) {
    const r = (yield { nr: 'getdents', fd }) as Dirent[] | number;
    if (typeof r === 'number') {
      yield { nr: 'close', fd };
      return r;
    }
    if (r.length === 0) break;
    for (const e of r) if (e.name !== '.' && e.name !== '..') out.push(e);
  }
  yield { nr: 'close', fd };
  return out;
}

function* insertModule(path: string, params: string, flags: number): UserGen<number> {
  const fd = yield* open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return fd;
  const r = yield* finitModule(fd, params, flags);
  yield* close(fd);
  return r;
}

/**
 * glibc system(): ignore SIGINT and SIGQUIT and block SIGCHLD while the child runs; the child
 * restores them and execs `/bin/sh -c cmd` (exit 127 if that fails); wait for it.
 */
function* system(cmd: string, envp: readonly string[]): UserGen<number> {
  const ign: SigAction = { handler: 'ignore', mask: 0, flags: 0 };
  const oldInt = yield* sigaction(SIGINT, ign);
  const oldQuit = yield* sigaction(SIGQUIT, ign);
  const oldMask = yield* sigprocmask(SIG_BLOCK, sigmask(SIGCHLD));
  const restore = function* (): UserGen<void> {
    if (typeof oldInt !== 'number') yield* sigaction(SIGINT, oldInt);
    if (typeof oldQuit !== 'number') yield* sigaction(SIGQUIT, oldQuit);
    if (oldMask >= 0) yield* sigprocmask(SIG_SETMASK, oldMask);
  };
  const pid = yield* fork(function* () {
    yield* restore();
    yield* execve('/bin/sh', ['sh', '-c', cmd], envp);
    return 127;
  });
  let status = -1;
  if (pid >= 0) {
    for (;;) {
      const w = yield* wait4(pid, 0);
      if (w === -EINTR) continue;
      if (typeof w !== 'number') status = w.status;
      break;
    }
  }
  yield* restore();
  return status;
}

function* writeFile(path: string, data: string, mode: number): UserGen<number> {
  const fd = yield* open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
  if (fd < 0) return fd;
  const n = yield* writeAll(fd, data);
  yield* close(fd);
  if (n < 0) return n;
  return yield* chmod(path, mode);
}

function* mkdirP(path: string): UserGen<number> {
  let at = 0;
  for (;;) {
    at = path.indexOf('/', at + 1);
    const part = at < 0 ? path : path.slice(0, at);
    if (part) {
      const st = yield* stat(part);
      if (typeof st === 'number') {
        const r = yield* mkdir(part, 0o755);
        if (r < 0) return r;
      }
    }
    if (at < 0) return 0;
  }
}

export const sysHost: KmodHost = {
  readFile,
  *stat(path: string): UserGen<Stat | number> {
    return (yield { nr: 'stat', path }) as Stat | number;
  },
  listDir,
  getcwd: (): UserGen<string | number> => getcwd(),
  uname: (): UserGen<Utsname> => uname(),
  insertModule,
  deleteModule: (name: string, flags: number) => deleteModule(name, flags),
  system,
  *write(fd: number, data: string): UserGen<number> {
    return yield* writeAll(fd, data);
  },
  *console(data: string): UserGen<void> {
    const fd = yield* open('/dev/console', O_WRONLY | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) return;
    yield* writeAll(fd, `${data}\r\n`);
    yield* close(fd);
  },
  *fdOpen(fd: number): UserGen<boolean> {
    return typeof (yield* fstat(fd)) !== 'number';
  },
  *nowMs(): UserGen<number> {
    const ns = yield* clockGettime(1);
    return ns < 0 ? ns : Math.floor(ns / 1e6);
  },
  *sleepMs(ms: number): UserGen<number> {
    const r = yield* nanosleep(ms * 1e6);
    return r === -EINTR ? 0 : r;
  },
  writeFile,
  rename: (from: string, to: string) => rename(from, to),
  mkdirP,
};
