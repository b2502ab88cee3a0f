// The file syscalls (fs/open.c, fs/stat.c, fs/readdir.c, fs/fcntl.c, fs/ioctl.c); the ones that
// change names are in sys_namei.ts.
import {
  EBADF, EEXIST, EINVAL, EISDIR, ENOTDIR, ENOTTY, EPERM, ESPIPE, EACCES, ENAMETOOLONG, ELOOP, ENXIO,
} from '../uapi/errno.ts';
import {
  F_DUPFD, F_DUPFD_CLOEXEC, F_GETFD, F_GETFL, F_SETFD, F_SETFL, FD_CLOEXEC, O_ACCMODE, O_APPEND, O_CLOEXEC, O_CREAT, O_DIRECTORY,
  O_EXCL, O_NOCTTY, O_NOFOLLOW, O_NONBLOCK, O_RDONLY, O_TRUNC, O_WRONLY, S_IFCHR, S_IFDIR, S_IFIFO, S_IFLNK, S_IFMT, S_IFREG, S_IFSOCK, major, minor,
} from '../uapi/fcntl.ts';
import type { Stat } from '../uapi/fcntl.ts';
import type { UtimeSpec } from '../uapi/syscalls.ts';
import { normalize } from '../lib/path.ts';
import { chrdevOpen } from './devices.ts';
import { doMount, doUmount } from './filesystems.ts';
import { File, closeFd, fdInstall, fdInstallAt, fget } from './file.ts';
import type { FileOps } from './file.ts';
import type { Kernel } from './kernel.ts';
import { Pipe, createPipe, reopenPipe } from './pipe.ts';
import { pseudoOpenCheck } from './pseudofs.ts';
import { checkSize, setData } from './ramfs.ts';
import { Continue, defineFast, defineSlow } from './entry.ts';
import { vfsReadFast, vfsWriteFast } from './sys_rw.ts';
import type { KGen, Task } from './task.ts';
import { attachCtty } from './tty.ts';
import { lookup, lookupAt, pathOf } from './vfs.ts';
import type { Inode } from './vfs.ts';

/** The absolute path of `path` opened relative to `cwd` (computed later, on demand). */
function absPath(k: Kernel, cwd: Inode, root: Inode, path: string): string {
  return path.startsWith('/') ? normalize(path) : normalize(`${pathOf(k, cwd, root)}/${path}`);
}

/** st_blocks as tmpfs counts them: whole pages of data in 512-byte units; nothing else has any. */
function blocksOf(inode: Inode): number {
  return (inode.mode & S_IFMT) === S_IFREG ? Math.ceil(inode.size / 4096) * 8 : 0;
}

export function statOf(inode: Inode): Stat {
  return {
    dev: inode.sb.dev, ino: inode.ino, mode: inode.mode, nlink: inode.nlink, uid: inode.uid, gid: inode.gid, rdev: inode.rdev,
    size: inode.size, blksize: 4096, blocks: blocksOf(inode), atime: inode.atime, mtime: inode.mtime, ctime: inode.ctime,
  };
}

function mayOpen(t: Task, inode: Inode, acc: number): number {
  if (t.cred.euid === 0) return 0;
  const m = inode.mode;
  const bits = t.cred.euid === inode.uid ? (m >> 6) & 7 : t.cred.egid === inode.gid ? (m >> 3) & 7 : m & 7;
  if ((acc === O_RDONLY || acc === 2) && !(bits & 4)) return -EACCES;
  if (acc !== O_RDONLY && !(bits & 2)) return -EACCES;
  return 0;
}

function pathThunk(k: Kernel, t: Task, path: string): string | (() => string) {
  // An absolute path that normalize() would leave as it is needs no closure.
  if (isNormalAbsolute(path)) return path;
  const cwd = t.fs.cwd, root = t.fs.root;
  return () => absPath(k, cwd, root, path);
}

/** Absolute, and without "//", "." or ".." components or a trailing slash. */
function isNormalAbsolute(p: string): boolean {
  if (p.charCodeAt(0) !== 47) return false;
  const n = p.length;
  if (n > 1 && p.charCodeAt(n - 1) === 47) return false;
  for (let i = 0; i < n; i++) {
    if (p.charCodeAt(i) !== 47) continue;
    const a = p.charCodeAt(i + 1);
    if (a === 47) return false;
    if (a === 46) {
      const b = p.charCodeAt(i + 2);
      if (i + 2 >= n || b === 47 || (b === 46 && (i + 3 >= n || p.charCodeAt(i + 3) === 47))) return false;
    }
  }
  return true;
}

/** The operations of an inode that has none (EINVAL both ways). */
const NO_FOPS: FileOps = { read: () => -EINVAL, write: () => -EINVAL };

/**
 * do_sys_open(): the new descriptor or -errno. Char devices may autoload their driver, which
 * sleeps: for them the rest of the call is returned as a Continue.
 */
function doOpen(k: Kernel, t: Task, path: string, flags: number, mode: number): number | Continue {
  if (path.length >= 4096) return -ENAMETOOLONG;
  let inode: Inode;
  let via: File | undefined;
  const acc = flags & O_ACCMODE;
  if (flags & O_CREAT) {
    const nd = lookupAt(k, t, path, !(flags & O_NOFOLLOW), true);
    if (typeof nd === 'number') return nd;
    // open_last_lookups(): creating with a trailing slash is -EISDIR, existing or not.
    if (nd.slash) return -EISDIR;
    via = nd.file;
    if (nd.inode) {
      if (flags & O_EXCL) return -EEXIST;
      inode = nd.inode;
    } else {
      if (!nd.dir.dirOps?.create) return -EACCES;
      if (nd.name === '.' || nd.name === '..') return -EISDIR;
      const r = nd.dir.dirOps.create(k, nd.dir, nd.name, S_IFREG | (mode & ~t.fs.umask & 0o7777));
      if (typeof r === 'number') return r;
      inode = r;
    }
  } else {
    const nd = lookupAt(k, t, path, !(flags & O_NOFOLLOW), false);
    if (typeof nd === 'number') return nd;
    inode = nd.inode;
    via = nd.file;
  }
  const type = inode.mode & S_IFMT;
  if (type === S_IFLNK) return -ELOOP;
  if (type === S_IFSOCK) return -ENXIO;
  if (flags & O_DIRECTORY && type !== S_IFDIR) return -ENOTDIR;
  if (type === S_IFDIR && acc !== O_RDONLY) return -EISDIR;
  const perm = mayOpen(t, inode, acc) || pseudoOpenCheck(k, t, inode, acc);
  if (perm) return perm;
  if (type === S_IFIFO && inode.priv instanceof Pipe) {
    return fdInstall(t, reopenPipe(k, inode.priv, inode, flags & ~(O_CREAT | O_EXCL | O_TRUNC | O_CLOEXEC), via?.path ?? path), (flags & O_CLOEXEC) !== 0);
  }
  const f = new File(inode, inode.fops ?? NO_FOPS, flags & ~(O_CREAT | O_EXCL | O_TRUNC | O_CLOEXEC), pathThunk(k, t, path));
  if (type === S_IFCHR) return new Continue(openChrdev(k, t, inode, f, flags));
  if (flags & O_TRUNC && type === S_IFREG && acc !== O_RDONLY) {
    const r = setData(k, inode, '');
    if (r < 0) return r;
  }
  return fdInstall(t, f, (flags & O_CLOEXEC) !== 0);
}

function* openChrdev(k: Kernel, t: Task, inode: Inode, f: File, flags: number): KGen<number> {
  const r = yield* chrdevOpen(k, inode, f);
  if (r < 0) return r;
  const isTty = major(inode.rdev) === 4 || (major(inode.rdev) === 5 && minor(inode.rdev) === 0);
  // A session leader opening a tty (never /dev/console) gets it as controlling terminal.
  if (isTty && k.console && !(flags & O_NOCTTY) && t.signal.session === t.pid && !t.signal.tty && !k.console.session) attachCtty(k, k.console, t);
  return fdInstall(t, f, (flags & O_CLOEXEC) !== 0);
}

defineFast('open', (k, t, c) => doOpen(k, t, c.path, c.flags, c.mode));
defineFast('close', (k, t, c) => closeFd(k, t, c.fd));
defineFast('read', (k, t, c) => {
  const f = fget(t, c.fd);
  if (!f) return -EBADF;
  if (c.count < 0) return -EINVAL;
  return vfsReadFast(k, f, c.count);
});
defineFast('write', (k, t, c) => {
  const f = fget(t, c.fd);
  if (!f) return -EBADF;
  return vfsWriteFast(k, f, c.data);
});
defineFast('dup', (_k, t, c) => {
  const f = fget(t, c.fd);
  if (!f) return -EBADF;
  const fd = fdInstall(t, f);
  if (fd >= 0) f.refs++;
  return fd;
});
defineFast('dup2', (k, t, c) => {
  const f = fget(t, c.oldfd);
  if (!f) return -EBADF;
  if (c.newfd < 0 || c.newfd >= 1024) return -EBADF;
  if (c.oldfd === c.newfd) return c.newfd;
  f.refs++;
  fdInstallAt(k, t, c.newfd, f, false);
  return c.newfd;
});
defineFast('fcntl', (_k, t, c) => {
  const f = fget(t, c.fd);
  if (!f) return -EBADF;
  switch (c.cmd) {
    case F_DUPFD:
    case F_DUPFD_CLOEXEC: {
      const fd = fdInstall(t, f, c.cmd === F_DUPFD_CLOEXEC, c.arg);
      if (fd >= 0) f.refs++;
      return fd;
    }
    case F_GETFD: return t.files.cloexec[c.fd] ? FD_CLOEXEC : 0;
    case F_SETFD: t.files.cloexec[c.fd] = (c.arg & FD_CLOEXEC) !== 0; return 0;
    case F_GETFL: return f.flags;
    case F_SETFL: f.flags = (f.flags & ~(O_APPEND | O_NONBLOCK)) | (c.arg & (O_APPEND | O_NONBLOCK)); return 0;
    default: return -EINVAL;
  }
});
defineFast('pipe', (k, t, c) => {
  const [r, w] = createPipe(k);
  const cloexec = (c.flags & O_CLOEXEC) !== 0;
  r.flags |= c.flags & O_NONBLOCK;
  w.flags |= c.flags & O_NONBLOCK;
  const rfd = fdInstall(t, r, cloexec);
  if (rfd < 0) return rfd;
  const wfd = fdInstall(t, w, cloexec);
  if (wfd < 0) {
    closeFd(k, t, rfd);
    return wfd;
  }
  return [rfd, wfd];
});
defineFast('lseek', (k, t, c) => {
  const f = fget(t, c.fd);
  if (!f) return -EBADF;
  if (!f.ops.llseek) return -ESPIPE;
  return f.ops.llseek(k, f, c.offset, c.whence);
});
defineFast('stat', (k, t, c) => {
  const nd = lookup(k, t, c.path);
  return typeof nd === 'number' ? nd : statOf(nd.inode);
});
defineFast('lstat', (k, t, c) => {
  const nd = lookup(k, t, c.path, { follow: false });
  return typeof nd === 'number' ? nd : statOf(nd.inode);
});
defineFast('fstat', (_k, t, c) => {
  const f = fget(t, c.fd);
  if (!f) return -EBADF;
  if (!f.inode) return -EBADF;
  return statOf(f.inode);
});
defineFast('getdents', (k, t, c) => {
  const f = fget(t, c.fd);
  if (!f) return -EBADF;
  if (!f.ops.readdir) return -ENOTDIR;
  // One call returns every entry from f_pos on (dcache_readdir counts "." and ".." as 0 and 1);
  // the next returns none, until a seek moves f_pos back.
  const r = f.ops.readdir(k, f);
  if (typeof r === 'number') return r;
  const from = f.pos;
  f.pos = Math.max(from, r.length);
  return from > 0 ? r.slice(from) : r;
});
defineFast('chmod', (k, t, c) => {
  const nd = lookup(k, t, c.path);
  if (typeof nd === 'number') return nd;
  if (t.cred.euid !== 0 && t.cred.euid !== nd.inode.uid) return -EPERM;
  nd.inode.mode = (nd.inode.mode & S_IFMT) | (c.mode & 0o7777);
  nd.inode.ctime = k.sched.now;
  return 0;
});
defineFast('chown', (k, t, c) => {
  const nd = lookup(k, t, c.path);
  if (typeof nd === 'number') return nd;
  if (t.cred.euid !== 0) return -EPERM;
  if (c.uid >= 0) nd.inode.uid = c.uid;
  if (c.gid >= 0) nd.inode.gid = c.gid;
  return 0;
});
defineFast('truncate', (k, t, c) => {
  const nd = lookup(k, t, c.path);
  if (typeof nd === 'number') return nd;
  if ((nd.inode.mode & S_IFMT) !== S_IFREG) return nd.inode.isDir ? -EISDIR : -EINVAL;
  if (c.length < 0) return -EINVAL;
  const d = nd.inode.data;
  const fits = checkSize(nd.inode, c.length);
  if (fits < 0) return fits;
  return setData(k, nd.inode, c.length <= d.length ? d.slice(0, c.length) : d + '\0'.repeat(c.length - d.length));
});
/**
 * utimensat(2) (fs/utimes.c): both times "now" without `times`; UTIME_NOW and UTIME_OMIT per
 * time; explicit times need the owner (or root: CAP_FOWNER), EPERM otherwise; ctime becomes now.
 * Inode times count from boot, so an epoch time is taken relative to the boot time.
 */
defineFast('utimes', (k, t, c) => {
  const times = c.times ?? ['now', 'now'];
  for (const x of times) if (typeof x === 'object' && !(x.nsec >= 0 && x.nsec < 1e9)) return -EINVAL;
  const nd = lookup(k, t, c.path, { follow: !c.nofollow });
  if (typeof nd === 'number') return nd;
  if (times[0] === 'omit' && times[1] === 'omit') return 0;
  const owner = t.cred.euid === 0 || t.cred.euid === nd.inode.uid;
  if (!owner && times.some((x) => typeof x === 'object')) return -EPERM;
  // UTIME_NOW for both: the owner, or anyone who may write the file.
  if (!owner && mayOpen(t, nd.inode, O_WRONLY) < 0) return -EACCES;
  const now = k.sched.now;
  const at = (x: UtimeSpec): number => (x === 'now' || x === 'omit' ? now : (x.sec - k.bootTime) * 1e9 + x.nsec);
  if (times[0] !== 'omit') nd.inode.atime = at(times[0]);
  if (times[1] !== 'omit') nd.inode.mtime = at(times[1]);
  nd.inode.ctime = now;
  return 0;
});
defineFast('access', (k, t, c) => {
  const nd = lookup(k, t, c.path);
  if (typeof nd === 'number') return nd;
  if (c.mode & 1 && !(nd.inode.mode & 0o111) && !nd.inode.isDir) return -EACCES;
  return 0;
});
defineFast('umask', (_k, t, c) => {
  const old = t.fs.umask;
  t.fs.umask = c.mask & 0o777;
  return old;
});
defineFast('chdir', (k, t, c) => {
  const nd = lookup(k, t, c.path);
  if (typeof nd === 'number') return nd;
  if (!nd.inode.isDir) return -ENOTDIR;
  t.fs.cwd = nd.inode;
  return 0;
});
defineFast('getcwd', (k, t) => pathOf(k, t.fs.cwd, t.fs.root));
defineFast('ioctl', (k, t, c) => {
  const f = fget(t, c.fd);
  if (!f) return -EBADF;
  if (!f.ops.ioctl) return -ENOTTY;
  return f.ops.ioctl(k, f, c.cmd, c.arg);
});
defineSlow('mount', (k, _t, c) => doMount(k, c.source, c.target, c.fstype, c.flags));
defineSlow('umount2', (k, _t, c) => doUmount(k, c.target));

