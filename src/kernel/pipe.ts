// fs/pipe.c: a bounded byte buffer (16 pages, 64 KiB), blocking readers and writers, EOF when
// the last writer closes, SIGPIPE/-EPIPE when the last reader is gone.
import { EPIPE } from '../uapi/errno.ts';
import { O_ACCMODE, O_RDONLY, O_WRONLY, S_IFIFO } from '../uapi/fcntl.ts';
import { SIGPIPE } from '../uapi/signal.ts';
import { File } from './file.ts';
import type { FileOps } from './file.ts';
import type { Kernel } from './kernel.ts';
import { newInode } from './ramfs.ts';
import { sendSignal } from './signal.ts';
import type { Inode } from './vfs.ts';
import { WaitQueue, wakeUp } from './wait.ts';

export const PIPE_SIZE = 65536;
/** Writes up to PIPE_BUF bytes are atomic. */
export const PIPE_BUF = 4096;

export class Pipe {
  buf = '';
  readers = 0;
  writers = 0;
  readonly wait = new WaitQueue('pipe');
}

const readOps: FileOps = {
  read(k, f, count) {
    const p = f.priv as Pipe;
    if (p.buf.length === 0) return p.writers === 0 ? '' : p.wait;
    const out = count >= p.buf.length ? p.buf : p.buf.slice(0, count);
    p.buf = out === p.buf ? '' : p.buf.slice(out.length);
    wakeUp(k, p.wait);
    return out;
  },
  poll: (_k, f) => (f.priv as Pipe).buf.length,
  release(k, f) {
    const p = f.priv as Pipe;
    p.readers--;
    wakeUp(k, p.wait);
  },
};

const writeOps: FileOps = {
  write(k, f, data) {
    const p = f.priv as Pipe;
    if (p.readers === 0) {
      sendSignal(k, SIGPIPE, k.current);
      return -EPIPE;
    }
    const space = PIPE_SIZE - p.buf.length;
    if (space === 0 || (data.length <= PIPE_BUF && space < data.length)) return p.wait;
    const n = Math.min(space, data.length);
    p.buf += n === data.length ? data : data.slice(0, n);
    wakeUp(k, p.wait);
    return n;
  },
  release(k, f) {
    const p = f.priv as Pipe;
    p.writers--;
    wakeUp(k, p.wait);
  },
};

/** create_pipe_files(): the read end and the write end. */
export function createPipe(k: Kernel): [File, File] {
  const p = new Pipe();
  const inode = newInode(k, k.pipeSb, S_IFIFO | 0o600);
  const r = new File(inode, readOps, O_RDONLY, `pipe:[${inode.ino}]`);
  const w = new File(inode, writeOps, O_WRONLY, `pipe:[${inode.ino}]`);
  // The pipe belongs to its creator: reopening it through /proc/<pid>/fd checks that.
  inode.uid = k.current.cred.euid;
  inode.gid = k.current.cred.egid;
  r.priv = w.priv = inode.priv = p;
  p.readers = 1;
  p.writers = 1;
  return [r, w];
}

/**
 * fifo_open() on an anonymous pipe, reached through /proc/<pid>/fd/N: a new end of the same
 * pipe. Anonymous pipes never wait for a partner (fifo_open's is_pipe case).
 */
export function reopenPipe(k: Kernel, p: Pipe, inode: Inode, flags: number, path: string): File {
  const acc = flags & O_ACCMODE;
  const f = new File(inode, acc === O_RDONLY ? readOps : acc === O_WRONLY ? writeOps : rdwrOps, flags, path);
  f.priv = p;
  if (acc !== O_WRONLY) p.readers++;
  if (acc !== O_RDONLY) p.writers++;
  wakeUp(k, p.wait);
  return f;
}

const rdwrOps: FileOps = {
  read: readOps.read,
  write: writeOps.write,
  poll: readOps.poll,
  release(k, f) {
    const p = f.priv as Pipe;
    p.readers--;
    p.writers--;
    wakeUp(k, p.wait);
  },
};
