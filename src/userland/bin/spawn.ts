// execvp() and "run a command and wait" for find -exec, xargs, env and nice-like wrappers.
import { EACCES, ENODEV, ENOENT, ENOTDIR, ESTALE, ETIMEDOUT } from '../../uapi/errno.ts';
import type { UserGen } from '../../uapi/syscalls.ts';
import { O_CLOEXEC } from '../../uapi/fcntl.ts';
import { writeAll } from '../lib/io.ts';
import { close, execve, exit, fork, pipe, read, wait4 } from '../lib/sys.ts';
import { getenv } from './common.ts';

/**
 * glibc execvp(): a name with a slash is run as is; otherwise each $PATH entry is tried (an
 * empty entry is the current directory). Returns only on failure: -errno (EACCES if any
 * candidate was found but not executable, else the last error).
 */
export function* execvp(file: string, argv: readonly string[], envp: readonly string[]): UserGen<number> {
  if (file.includes('/')) return yield* execve(file, argv, envp);
  if (!file) return -ENOENT;
  const path = getenv(envp, 'PATH') ?? '/bin:/usr/bin';
  let sawEacces = false;
  let last = -ENOENT;
  for (const dir of path.split(':')) {
    const full = `${dir || '.'}/${file}`;
    const r = yield* execve(full, argv, envp);
    if (r === -EACCES) sawEacces = true;
    // glibc __execvpe(): only "not here" errors move on to the next directory; any other (E2BIG,
    // ENOEXEC, ENOMEM...) means the file was found, and is returned at once.
    else if (r !== -ENOENT && r !== -ESTALE && r !== -ENOTDIR && r !== -ENODEV && r !== -ETIMEDOUT) return r;
    last = r;
  }
  return sawEacces ? -EACCES : last;
}

/**
 * fork, execvp in the child (calling `onExecError` there with the errno, and exiting 126 for a
 * found-but-unrunnable command, 127 otherwise), wait; the raw wait status or -errno.
 */
export function* runAndWait(argv: readonly string[], envp: readonly string[], onExecError: (errno: number) => UserGen<void>): UserGen<number> {
  const pid = yield* fork(function* () {
    const r = yield* execvp(argv[0], argv, envp);
    yield* onExecError(-r);
    return yield* exit(r === -ENOENT ? 127 : 126);
  });
  if (pid < 0) return pid;
  for (;;) {
    const w = yield* wait4(pid, 0);
    if (typeof w === 'number') {
      if (w === -4) continue;
      return w;
    }
    return w.status;
  }
}

/**
 * Like runAndWait, but the parent learns whether exec failed, as findutils' xargs does: the
 * child writes its errno into a close-on-exec pipe, which a successful exec closes unread.
 */
export function* runReportingExec(argv: readonly string[], envp: readonly string[]): UserGen<{ status: number; execErrno: number }> {
  const p = yield* pipe(O_CLOEXEC);
  if (typeof p === 'number') return { status: p, execErrno: 0 };
  const [rfd, wfd] = p;
  const pid = yield* fork(function* () {
    yield* close(rfd);
    const r = yield* execvp(argv[0], argv, envp);
    yield* writeAll(wfd, String(-r));
    return yield* exit(r === -ENOENT ? 127 : 126);
  });
  yield* close(wfd);
  if (pid < 0) {
    yield* close(rfd);
    return { status: pid, execErrno: 0 };
  }
  let msg = '';
  for (;;) {
    const r = yield* read(rfd, 64);
    if (r === -4) continue;
    if (typeof r !== 'string' || r === '') break;
    msg += r;
  }
  yield* close(rfd);
  for (;;) {
    const w = yield* wait4(pid, 0);
    if (w === -4) continue;
    return { status: typeof w === 'number' ? w : w.status, execErrno: msg ? Number(msg) : 0 };
  }
}
