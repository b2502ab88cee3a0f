// fs/ramfs + tmpfs in miniature: directories are maps, files are byte strings. A per-superblock
// quota makes writes fail with -ENOSPC, as a full tmpfs does.
import { EEXIST, EFBIG, EISDIR, ENOENT, ENOSPC } from '../uapi/errno.ts';
import { DT_BLK, DT_CHR, DT_DIR, DT_FIFO, DT_LNK, DT_REG, DT_SOCK, O_APPEND, S_IFBLK, S_IFCHR, S_IFDIR, S_IFIFO, S_IFLNK, S_IFMT, S_IFREG, S_IFSOCK, SEEK_CUR, SEEK_END, SEEK_SET } from '../uapi/fcntl.ts';
import { MS_RDONLY } from '../uapi/fcntl.ts';
import type { Dirent } from '../uapi/fcntl.ts';
import { EINVAL } from '../uapi/errno.ts';
import type { File, FileOps } from './file.ts';
import type { Kernel } from './kernel.ts';
import { dcacheInvalidate, Inode } from './vfs.ts';
import type { DirOps, SuperBlock } from './vfs.ts';

/** Largest file (MAX_LFS_FILESIZE is far larger; this keeps a runaway writer bounded). */
const MAX_FILE = 64 * 1024 * 1024;

export function newSuper(k: Kernel, fstype: string, quota = Infinity): SuperBlock {
  return { fstype, dev: k.nextDev++, flags: 0, used: 0, quota, nextIno: 1 };
}

export function newInode(k: Kernel, sb: SuperBlock, mode: number): Inode {
  const ino = new Inode(sb.nextIno++, mode, sb);
  ino.atime = ino.mtime = ino.ctime = k.sched.now;
  return ino;
}

export const ramDirOps: DirOps = {
  lookup: (dir, name) => dir.entries!.get(name) ?? null,
  list: (dir) => [...dir.entries!],
  create(k, dir, name, mode, rdev = 0) {
    if (dir.entries!.has(name)) return -EEXIST;
    dcacheInvalidate(k);
    const ino = newInode(k, dir.sb, mode);
    ino.rdev = rdev;
    ino.uid = k.sched.current?.cred.euid ?? 0;
    ino.gid = k.sched.current?.cred.egid ?? 0;
    if ((mode & S_IFMT) === S_IFDIR) makeDir(ino, dir);
    else if ((mode & S_IFMT) === S_IFREG) ino.fops = regFileOps;
    dir.entries!.set(name, ino);
    if ((mode & S_IFMT) === S_IFDIR) dir.nlink++;
    dir.mtime = dir.ctime = k.sched.now;
    return ino;
  },
  link(k, dir, name, target) {
    if (dir.entries!.has(name)) return -EEXIST;
    dcacheInvalidate(k);
    dir.entries!.set(name, target);
    target.nlink++;
    target.ctime = dir.mtime = k.sched.now;
    return 0;
  },
  unlink(k, dir, name) {
    const ino = dir.entries!.get(name);
    if (!ino) return -ENOENT;
    dcacheInvalidate(k);
    dir.entries!.delete(name);
    ino.nlink--;
    if (ino.isDir) {
      ino.nlink = 0;
      dir.nlink--;
    }
    if (ino.nlink <= 0 && (ino.mode & S_IFMT) === S_IFREG) {
      ino.sb.used -= ino.data.length;
      ino.data = '';
    }
    dir.mtime = dir.ctime = k.sched.now;
    return 0;
  },
};

export function makeDir(ino: Inode, parent: Inode | null): void {
  ino.entries = new Map();
  ino.dirOps = ramDirOps;
  ino.fops = dirFileOps;
  ino.parent = parent;
  ino.nlink = 2;
}

export function dtype(mode: number): number {
  switch (mode & S_IFMT) {
    case S_IFDIR: return DT_DIR;
    case S_IFREG: return DT_REG;
    case S_IFLNK: return DT_LNK;
    case S_IFCHR: return DT_CHR;
    case S_IFBLK: return DT_BLK;
    case S_IFIFO: return DT_FIFO;
    case S_IFSOCK: return DT_SOCK;
    default: return 0;
  }
}

/** getdents(): ".", ".." then the entries (ram directories keep insertion order, like tmpfs). */
export const dirFileOps: FileOps = {
  read: () => -EISDIR,
  write: () => -EISDIR,
  // libfs dcache_dir_lseek(): SEEK_SET and SEEK_CUR to any position >= 0 (an entry index: 0 is
  // ".", 1 is ".."), anything else -EINVAL. rewinddir() is lseek(fd, 0, SEEK_SET).
  llseek(_k, f, offset, whence) {
    const pos = whence === SEEK_SET ? offset : whence === SEEK_CUR ? f.pos + offset : -1;
    if (pos < 0) return -EINVAL;
    f.pos = pos;
    return pos;
  },
  readdir(k, f) {
    const dir = f.inode!;
    // iterate_dir()'s file_accessed(); procfs and sysfs directories (no entries here) keep theirs.
    if (dir.entries) touchAtime(k, dir);
    // Read to the end already (the usual second getdents of a listing): nothing to build.
    if (dir.entries && f.pos >= dir.entries.size + 2) return [];
    const out: Dirent[] = [{ name: '.', ino: dir.ino, type: DT_DIR }, { name: '..', ino: (dir.parent ?? dir).ino, type: DT_DIR }];
    for (const [name, ino] of dir.dirOps!.list(dir)) {
      let shown = ino;
      const m = k.mounts.byMountpoint.get(ino);
      if (m) shown = m.root;
      out.push({ name, ino: shown.ino, type: dtype(shown.mode) });
    }
    return out;
  },
};

/** Replace a file's bytes, keeping the quota. -ENOSPC leaves the file as it was. */
/** Whether ino may grow to `size` bytes: -EFBIG past our file size cap, -ENOSPC past the quota.
 * Checked before the new contents are built, so a huge size fails at once. */
export function checkSize(ino: Inode, size: number): number {
  if (size > MAX_FILE) return -EFBIG;
  if (size > ino.data.length && ino.sb.used + size - ino.data.length > ino.sb.quota) return -ENOSPC;
  return 0;
}

export function setData(k: Kernel, ino: Inode, data: string): number {
  const delta = data.length - ino.data.length;
  const fits = checkSize(ino, data.length);
  if (fits < 0) return fits;
  ino.sb.used += delta;
  ino.data = data;
  ino.mtime = ino.ctime = k.sched.now;
  return 0;
}

/** CLOCK_REALTIME seconds of a boot-relative ns time (the boot time is whole seconds). */
const secOf = (ns: number): number => Math.floor(ns / 1e9);

/**
 * touch_atime() for a ram inode read (tmpfs/ramfs file_accessed(): shmem_file_read_iter(),
 * generic_file_read, iterate_dir(), kernel_read() of an exec). 6.6 mounts are all relatime:
 * relatime_need_update() updates only when atime <= mtime, atime <= ctime, or atime is a day old
 * or more. 2.6.20 had MNT_RELATIME but no mount here asks for it: every read updates. Neither
 * writes an atime equal to now, nor touches a read-only mount.
 */
export function touchAtime(k: Kernel, ino: Inode): void {
  const now = k.sched.now, a = ino.atime;
  if (a === now || ino.sb.flags & MS_RDONLY) return;
  // The day test in whole seconds as the kernel's (long)(now.tv_sec - atime.tv_sec); a gap well
  // under a day (the usual case) needs no division.
  if (k.modern && ino.mtime < a && ino.ctime < a && (now - a < 86399e9 || secOf(now) - secOf(a) < 86400)) return;
  ino.atime = now;
}

export function llseek(f: File, size: number, offset: number, whence: number): number {
  let pos: number;
  if (whence === SEEK_SET) pos = offset;
  else if (whence === SEEK_CUR) pos = f.pos + offset;
  else if (whence === SEEK_END) pos = size + offset;
  else return -EINVAL;
  if (pos < 0) return -EINVAL;
  f.pos = pos;
  return pos;
}

export const regFileOps: FileOps = {
  read(k, f, count) {
    const ino = f.inode!;
    touchAtime(k, ino);
    const data = ino.data;
    const pos = f.pos;
    if (pos >= data.length) return '';
    // The whole file as one string object: readers (kmod's caches) key on it cheaply.
    const out = pos === 0 && count >= data.length ? data : data.slice(pos, pos + count);
    f.pos += out.length;
    return out;
  },
  write(k, f, data) {
    const ino = f.inode!;
    if (f.flags & O_APPEND) f.pos = ino.data.length;
    const old = ino.data;
    const fits = checkSize(ino, Math.max(old.length, f.pos + data.length));
    if (fits < 0) return fits;
    let next: string;
    if (f.pos === old.length) next = old + data;
    else if (f.pos > old.length) next = old + '\0'.repeat(f.pos - old.length) + data;
    else next = old.slice(0, f.pos) + data + old.slice(f.pos + data.length);
    const r = setData(k, ino, next);
    if (r < 0) return r;
    f.pos += data.length;
    return data.length;
  },
  llseek: (_k, f, offset, whence) => llseek(f, f.inode!.data.length, offset, whence),
};
