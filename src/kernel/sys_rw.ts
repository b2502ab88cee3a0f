// fs/read_write.c: vfs_read()/vfs_write() over file operations that may return a wait queue
// ("would block"): O_NONBLOCK gives -EAGAIN, a signal -ERESTARTSYS (or the bytes done so far).
import { EAGAIN, EBADF, EINVAL, ERESTARTSYS } from '../uapi/errno.ts';
import { O_ACCMODE, O_NONBLOCK, O_RDONLY, O_WRONLY } from '../uapi/fcntl.ts';
import type { File } from './file.ts';
import type { Kernel } from './kernel.ts';
import { signalPending } from './signal.ts';
import { SCHED, TASK_INTERRUPTIBLE, TASK_UNINTERRUPTIBLE } from './task.ts';
import type { KGen } from './task.ts';
import { WaitQueue } from './wait.ts';

function* sleepOn(k: Kernel, wq: WaitQueue, interruptible: boolean): KGen<void> {
  const t = k.current;
  wq.sleepers.add(t);
  t.state = interruptible ? TASK_INTERRUPTIBLE : TASK_UNINTERRUPTIBLE;
  t.wchan = wq.name;
  yield SCHED;
  wq.sleepers.delete(t);
}

export function* vfsRead(k: Kernel, f: File, count: number): KGen<string | number> {
  if ((f.flags & O_ACCMODE) === O_WRONLY) return -EBADF;
  if (!f.ops.read) return -EINVAL;
  for (;;) {
    const r = f.ops.read(k, f, count);
    if (!(r instanceof WaitQueue)) return r;
    if (f.flags & O_NONBLOCK) return -EAGAIN;
    if (signalPending(k.current)) return -ERESTARTSYS;
    yield* sleepOn(k, r, true);
  }
}

export function* vfsWrite(k: Kernel, f: File, data: string, interruptible = true): KGen<number> {
  if ((f.flags & O_ACCMODE) === O_RDONLY) return -EBADF;
  if (f.ops.writeSlow) return yield* f.ops.writeSlow(k, f, data);
  if (!f.ops.write) return -EINVAL;
  let done = 0;
  while (done < data.length || data.length === 0) {
    const r = f.ops.write(k, f, done ? data.slice(done) : data);
    if (r instanceof WaitQueue) {
      if (f.flags & O_NONBLOCK) return done || -EAGAIN;
      if (interruptible && signalPending(k.current)) return done || -ERESTARTSYS;
      yield* sleepOn(k, r, interruptible);
      continue;
    }
    if (r < 0) return done || r;
    done += r;
    if (data.length === 0) break;
  }
  return done;
}

/** A kernel-side write of everything (core dumps): sleeps uninterruptibly while the pipe is full. */
export function* writeAllBlocking(k: Kernel, f: File, data: string): KGen<number> {
  return yield* vfsWrite(k, f, data, false);
}
