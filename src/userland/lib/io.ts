// Small libc-like helpers over sys.ts: whole-buffer reads and writes, files, buffered stdout.
import type { UserGen } from '../../uapi/syscalls.ts';
import { EINTR } from '../../uapi/errno.ts';
import { O_RDONLY } from '../../uapi/fcntl.ts';
import { close, open, read, write } from './sys.ts';

/** Write all of `data`; returns the count written or the first -errno (e.g. -EPIPE, -EBADF). */
export function* writeAll(fd: number, data: string): UserGen<number> {
  let off = 0;
  while (off < data.length) {
    const n = yield* write(fd, off === 0 ? data : data.slice(off));
    if (n === -EINTR) continue;
    if (n < 0) return n;
    off += n;
  }
  return off;
}

/** Read until EOF; returns the bytes, or -errno if the first read fails. */
export function* readAll(fd: number): UserGen<string | number> {
  let buf = '';
  for (;;) {
    const r = yield* read(fd, 65536);
    if (r === -EINTR) continue;
    if (typeof r === 'number') return buf.length ? buf : r;
    if (r.length === 0) return buf;
    buf += r;
  }
}

/** Read a whole file; -errno on failure. */
export function* readFile(path: string): UserGen<string | number> {
  const fd = yield* open(path, O_RDONLY);
  if (fd < 0) return fd;
  const r = yield* readAll(fd);
  yield* close(fd);
  return r;
}

/**
 * Read one line (without the newline) from fd, a byte at a time as dash's `read` does, so that
 * the rest of the input stays for the next reader. null at EOF with nothing read.
 */
export function* readLine(fd: number): UserGen<string | null> {
  let line = '';
  for (;;) {
    const r = yield* read(fd, 1);
    if (r === -EINTR) continue;
    if (typeof r === 'number' || r.length === 0) return line.length ? line : null;
    if (r === '\n') return line;
    line += r;
  }
}

/** stdio-style buffered output: collect, then flush in one write (at exit or when large). */
export class Out {
  private buf = '';
  constructor(readonly fd: number, private readonly limit = 8192) {}
  *put(s: string): UserGen<number> {
    this.buf += s;
    if (this.buf.length >= this.limit) return yield* this.flush();
    return 0;
  }
  *flush(): UserGen<number> {
    if (!this.buf) return 0;
    const b = this.buf;
    this.buf = '';
    const n = yield* writeAll(this.fd, b);
    return n < 0 ? n : 0;
  }
}
