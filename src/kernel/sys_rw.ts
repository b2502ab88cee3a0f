// fs/read_write.c: vfs_read()/vfs_write() over file operations that may return a wait queue
// ("would block"): O_NONBLOCK gives -EAGAIN, a signal -ERESTARTSYS (or the bytes done so far).
// The first attempt is a plain function call; only a caller that has to sleep gets a generator.
import { EAGAIN, EBADF, EINVAL, ERESTARTSYS } from '../uapi/errno.ts';
import { O_ACCMODE, O_NONBLOCK, O_RDONLY, O_WRONLY } from '../uapi/fcntl.ts';
import { Continue } from './entry.ts';
import type { File } from './file.ts';
import type { Kernel } from './kernel.ts';
import { signalPending } from './signal.ts';
import { SCHED, TASK_INTERRUPTIBLE, TASK_UNINTERRUPTIBLE } from './task.ts';
import type { KGen } from './task.ts';
import { WaitQueue } from './wait.ts';

function* sleepOn(k: Kernel, wq: WaitQueue, interruptible: boolean): KGen<void> {
  const t = k.current;
  wq.add(t);
  t.state = interruptible ? TASK_INTERRUPTIBLE : TASK_UNINTERRUPTIBLE;
  t.wchan = wq.name;
  yield SCHED;
  wq.remove(t);
}

/** vfs_read() up to the first sleep: the bytes, -errno, or the rest of the call as a Continue. */
export function vfsReadFast(k: Kernel, f: File, count: number): string | number | Continue {
  if ((f.flags & O_ACCMODE) === O_WRONLY) return -EBADF;
  if (!f.ops.read) return -EINVAL;
  const r = f.ops.read(k, f, count);
  if (!(r instanceof WaitQueue)) return r;
  if (f.flags & O_NONBLOCK) return -EAGAIN;
  if (signalPending(k.current)) return -ERESTARTSYS;
  return new Continue(readAfterSleep(k, f, count, r));
}

function* readAfterSleep(k: Kernel, f: File, count: number, wq: WaitQueue): KGen<string | number> {
  yield* sleepOn(k, wq, true);
  for (;;) {
    const r = f.ops.read!(k, f, count);
    if (!(r instanceof WaitQueue)) return r;
    if (f.flags & O_NONBLOCK) return -EAGAIN;
    if (signalPending(k.current)) return -ERESTARTSYS;
    yield* sleepOn(k, r, true);
  }
}

export function* vfsRead(k: Kernel, f: File, count: number): KGen<string | number> {
  const r = vfsReadFast(k, f, count);
  return r instanceof Continue ? (yield* r.gen) as string | number : r;
}

/** vfs_write() up to the first sleep: bytes written, -errno, or the rest as a Continue. */
export function vfsWriteFast(k: Kernel, f: File, data: string, interruptible = true): number | Continue {
  if ((f.flags & O_ACCMODE) === O_RDONLY) return -EBADF;
  if (f.ops.writeSlow) return new Continue(f.ops.writeSlow(k, f, data));
  if (!f.ops.write) return -EINVAL;
  const st: WriteState = { done: 0, wq: null };
  const r = writeLoop(k, f, data, st, interruptible);
  return r === SLEEP ? new Continue(writeAfterSleep(k, f, data, st, interruptible)) : r;
}

interface WriteState {
  done: number;
  wq: WaitQueue | null;
}

/** writeLoop()'s "sleep on st.wq, then call me again" (not an errno). */
const SLEEP = -0x7fffffff;

function writeLoop(k: Kernel, f: File, data: string, st: WriteState, interruptible: boolean): number {
  while (st.done < data.length || data.length === 0) {
    const r = f.ops.write!(k, f, st.done ? data.slice(st.done) : data);
    if (r instanceof WaitQueue) {
      if (f.flags & O_NONBLOCK) return st.done || -EAGAIN;
      if (interruptible && signalPending(k.current)) return st.done || -ERESTARTSYS;
      st.wq = r;
      return SLEEP;
    }
    if (r < 0) return st.done || r;
    st.done += r;
    if (data.length === 0) break;
  }
  return st.done;
}

function* writeAfterSleep(k: Kernel, f: File, data: string, st: WriteState, interruptible: boolean): KGen<number> {
  for (;;) {
    yield* sleepOn(k, st.wq!, interruptible);
    const r = writeLoop(k, f, data, st, interruptible);
    if (r !== SLEEP) return r;
  }
}

export function* vfsWrite(k: Kernel, f: File, data: string, interruptible = true): KGen<number> {
  const r = vfsWriteFast(k, f, data, interruptible);
  return r instanceof Continue ? (yield* r.gen) as number : r;
}

/** A kernel-side write of everything (core dumps): sleeps uninterruptibly while the pipe is full. */
export function* writeAllBlocking(k: Kernel, f: File, data: string): KGen<number> {
  return yield* vfsWrite(k, f, data, false);
}
