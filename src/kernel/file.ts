// struct file, the fd table (fs/file.c, fs/file_table.c) and struct fs_struct. A File is shared
// by dup()ed descriptors and across fork; it is released when the last descriptor closes.
import { EBADF, EMFILE } from '../uapi/errno.ts';
import type { Dirent } from '../uapi/fcntl.ts';
import type { Kernel } from './kernel.ts';
import type { Inode } from './vfs.ts';
import type { WaitQueue } from './wait.ts';
import type { KGen, Task } from './task.ts';

/** A file operation that cannot proceed yet returns the queue to sleep on (then it is retried). */
export type Blocking<T> = T | WaitQueue;

export interface FileOps {
  read?(k: Kernel, f: File, count: number): Blocking<string | number>;
  write?(k: Kernel, f: File, data: string): Blocking<number>;
  /** A write that runs kernel code which may sleep (sysfs stores that start kernel threads). */
  writeSlow?(k: Kernel, f: File, data: string): KGen<number>;
  ioctl?(k: Kernel, f: File, cmd: number, arg: unknown): unknown;
  readdir?(k: Kernel, f: File): Dirent[] | number;
  llseek?(k: Kernel, f: File, offset: number, whence: number): number;
  release?(k: Kernel, f: File): void;
  /** Bytes available to read now (FIONREAD). */
  poll?(k: Kernel, f: File): number;
}

export class File {
  pos = 0;
  refs = 1;
  /** Open flags (O_ACCMODE | O_APPEND | O_NONBLOCK ...). */
  flags: number;
  private pathValue: string | (() => string);
  /** seq_file-style snapshot of a pseudo file's content, taken at the first read. */
  snapshot: string | null = null;
  priv: unknown = null;
  /** `path` may be a function: the absolute path is worked out only if someone asks. */
  constructor(public inode: Inode | null, public ops: FileOps, flags: number, path: string | (() => string)) {
    this.flags = flags;
    this.pathValue = path;
  }

  /** The path it was opened by (for /proc/<pid>/fd and the task view). */
  get path(): string {
    if (typeof this.pathValue === 'function') this.pathValue = this.pathValue();
    return this.pathValue;
  }
}

export interface FilesStruct {
  fds: (File | null)[];
  cloexec: boolean[];
  /** Tasks sharing this table (CLONE_FILES). */
  users: number;
}

export interface FsStruct {
  root: Inode;
  cwd: Inode;
  umask: number;
}

/** RLIMIT_NOFILE default (INR_OPEN 1024). */
export const NR_OPEN_DEFAULT = 1024;

export function newFiles(): FilesStruct {
  return { fds: [], cloexec: [], users: 1 };
}

export function copyFiles(k: Kernel, f: FilesStruct): FilesStruct {
  void k;
  for (const file of f.fds) if (file) file.refs++;
  return { fds: [...f.fds], cloexec: [...f.cloexec], users: 1 };
}

export function copyFs(fs: FsStruct): FsStruct {
  return { ...fs };
}

export function fget(t: Task, fd: number): File | null {
  if (fd < 0 || !Number.isInteger(fd)) return null;
  return t.files.fds[fd] ?? null;
}

export function fput(k: Kernel, f: File): void {
  if (--f.refs === 0) f.ops.release?.(k, f);
}

/** get_unused_fd() + fd_install(): the lowest free descriptor >= min. */
export function fdInstall(t: Task, f: File, cloexec = false, min = 0): number {
  const fds = t.files.fds;
  const limit = t.signal.rlim[7]?.cur ?? NR_OPEN_DEFAULT;
  let fd = min;
  while (fd < fds.length && fds[fd]) fd++;
  if (fd >= limit) return -EMFILE;
  fds[fd] = f;
  t.files.cloexec[fd] = cloexec;
  return fd;
}

/** Install f at exactly fd (dup2 semantics), closing what was there. */
export function fdInstallAt(k: Kernel, t: Task, fd: number, f: File, cloexec = false): void {
  const old = t.files.fds[fd];
  while (t.files.fds.length < fd) {
    t.files.fds.push(null);
    t.files.cloexec.push(false);
  }
  t.files.fds[fd] = f;
  t.files.cloexec[fd] = cloexec;
  if (old) fput(k, old);
}

export function closeFd(k: Kernel, t: Task, fd: number): number {
  const f = fget(t, fd);
  if (!f) return -EBADF;
  t.files.fds[fd] = null;
  t.files.cloexec[fd] = false;
  fput(k, f);
  return 0;
}

/** flush_old_files(): close-on-exec descriptors go at exec. */
export function closeOnExec(k: Kernel, t: Task): void {
  const fds = t.files.fds;
  for (let fd = 0; fd < fds.length; fd++) if (fds[fd] && t.files.cloexec[fd]) closeFd(k, t, fd);
}

/** exit_files(): drop this task's reference to its table (closing everything if last). */
export function exitFiles(k: Kernel, t: Task): void {
  if (--t.files.users > 0) return;
  const fds = t.files.fds;
  for (let fd = 0; fd < fds.length; fd++) if (fds[fd]) closeFd(k, t, fd);
}
