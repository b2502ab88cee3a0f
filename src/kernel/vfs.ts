// The VFS core (fs/namei.c, fs/inode.c, fs/namespace.c in miniature): inodes, superblocks,
// mounts and path lookup with symlinks, permissions and mount crossing.
import { EACCES, ELOOP, ENAMETOOLONG, ENOENT, ENOTDIR } from '../uapi/errno.ts';
import { MS_NODEV, MS_NOEXEC, MS_NOSUID, MS_RDONLY, S_IFDIR, S_IFLNK, S_IFMT } from '../uapi/fcntl.ts';
import type { Kernel } from './kernel.ts';
import type { File, FileOps } from './file.ts';
import type { Task } from './task.ts';

export interface SuperBlock {
  fstype: string;
  dev: number;
  flags: number;
  /** Bytes used by regular file data (for the quota). */
  used: number;
  quota: number;
  nextIno: number;
  /** MS_NOSUID/MS_NODEV/MS_NOEXEC the boot mount was given, where not the type's usual ones. */
  mntFlags?: number;
}

/**
 * The MS_* flags a mount of sb has in effect: what mount(2) was given (ro, noexec) plus the
 * nosuid/nodev/noexec the boot mounts carry on a Debian system (proc and sysfs all three, tmpfs
 * nosuid and nodev, udev's devtmpfs nosuid); every mount is also relatime. /proc/mounts
 * (show_mnt_opts) and statfs (flags_by_mnt) both read it.
 */
export function mountFlags(sb: SuperBlock): number {
  let f = sb.flags & (MS_RDONLY | MS_NOEXEC);
  if (sb.mntFlags !== undefined) f |= sb.mntFlags;
  else if (sb.fstype === 'proc' || sb.fstype === 'sysfs') f |= MS_NOSUID | MS_NODEV | MS_NOEXEC;
  else if (sb.fstype === 'tmpfs') f |= MS_NOSUID | MS_NODEV;
  else if (sb.fstype === 'devtmpfs') f |= MS_NOSUID;
  return f;
}

/** Operations of a directory inode. Ram directories implement all; pseudo ones only lookup/list. */
export interface DirOps {
  lookup(dir: Inode, name: string): Inode | null;
  list(dir: Inode): [string, Inode][];
  create?(k: Kernel, dir: Inode, name: string, mode: number, rdev?: number): Inode | number;
  link?(k: Kernel, dir: Inode, name: string, target: Inode): number;
  unlink?(k: Kernel, dir: Inode, name: string): number;
}

export class Inode {
  nlink = 1;
  uid = 0;
  gid = 0;
  atime = 0;
  mtime = 0;
  ctime = 0;
  rdev = 0;
  /** Regular files (ramfs): the bytes. */
  data = '';
  /** Symlinks: the target. */
  target = '';
  /** Directories: the parent (for ".."), and entries for ram directories. */
  parent: Inode | null = null;
  entries: Map<string, Inode> | null = null;
  dirOps: DirOps | null = null;
  fops: FileOps | null = null;
  /** Pseudo files (procfs/sysfs): what the file shows and accepts. */
  show: ((k: Kernel, reader: Task) => string) | null = null;
  store: ((k: Kernel, data: string) => number) | null = null;
  /** Opaque per-inode data for drivers. */
  priv: unknown = null;
  constructor(public ino: number, public mode: number, public sb: SuperBlock) {}
  get isDir(): boolean {
    return (this.mode & S_IFMT) === S_IFDIR;
  }
  get isLink(): boolean {
    return (this.mode & S_IFMT) === S_IFLNK;
  }
  get size(): number {
    if (this.isLink) return this.target.length;
    if (this.isDir) return 4096;
    return this.data.length;
  }
}

/**
 * Inode times are virtual nanoseconds, past 2^31 after ~2 s: make the fields doubles before any
 * real inode exists, so the first such store (reads update atime) does not move every inode to
 * a new hidden class (see widenTimeFields() in task.ts).
 */
function widenInodeTimes(): void {
  const i = new Inode(0, 0, { fstype: '', dev: 0, flags: 0, used: 0, quota: 0, nextIno: 0 });
  i.atime = i.mtime = i.ctime = 0.5;
}
widenInodeTimes();

export interface Mount {
  root: Inode;
  mountpoint: Inode | null;
  parentMount: Mount | null;
  devName: string;
  path: string;
}

export interface Nameidata {
  inode: Inode;
  /** Directory holding the last component (for create/unlink). */
  dir: Inode;
  name: string;
  /** The path ended in '/': the last component must be a directory (LOOKUP_DIRECTORY). */
  slash?: boolean;
  /** Reached through a /proc/<pid>/fd magic link: the open file it names. */
  file?: File;
}

/** A procfs fd link: following it yields the open file itself, not a path (proc_fd_link()). */
export type MagicLink = (k: Kernel) => File | null;

/** Limits of fs/namei.c: MAXSYMLINKS (40 since 2.6.x) and PATH_MAX. */
const MAXSYMLINKS = 40, PATH_MAX = 4096, NAME_MAX = 255;

export function mountedOn(k: Kernel, dir: Inode): Mount | undefined {
  return k.mounts.byMountpoint.get(dir);
}

/** A C string ends at its first NUL: paths with NUL are cut there, as copying from user space does. */
export function cstr(s: string): string {
  const z = s.indexOf('\0');
  return z < 0 ? s : s.slice(0, z);
}

function mayExec(k: Kernel, t: Task, dir: Inode): boolean {
  void k;
  if (t.cred.euid === 0) return true;
  const m = dir.mode;
  if (t.cred.euid === dir.uid) return (m & 0o100) !== 0;
  if (t.cred.egid === dir.gid) return (m & 0o010) !== 0;
  return (m & 0o001) !== 0;
}

/** Per-walk state: symlinks followed, and whether the result may go into the lookup cache. */
interface WalkCtx {
  links: number;
  cacheable: boolean;
}

/** Pseudo filesystems compute their entries on every lookup: never cached. */
const uncached = (ino: Inode): boolean => ino.sb.fstype === 'proc' || ino.sb.fstype === 'sysfs';

/**
 * The dentry cache, reduced to what it buys here: absolute paths resolved for root (who passes
 * every permission check) on ram filesystems, positive and negative. Any change to a directory
 * or a mount bumps the generation and drops it all.
 */
export function dcacheInvalidate(k: Kernel): void {
  for (const m of k.dcache) m.clear();
}

/** Step into a directory entry, crossing mounts and resolving "..". */
function step(k: Kernel, t: Task, dir: Inode, name: string): Inode | number {
  if (!dir.isDir) return -ENOTDIR;
  if (!mayExec(k, t, dir)) return -EACCES;
  if (name === '.') return dir;
  if (name === '..') {
    if (dir === t.fs.root) return dir;
    const m = k.mounts.byRoot.get(dir);
    if (m && m.mountpoint) return step(k, t, m.mountpoint, '..');
    return dir.parent ?? dir;
  }
  if (name.length > NAME_MAX) return -ENAMETOOLONG;
  let child = dir.dirOps!.lookup(dir, name);
  if (!child) return -ENOENT;
  for (let m = mountedOn(k, child); m; m = mountedOn(k, child)) child = m.root;
  return child;
}

/**
 * path_lookup(): resolve `path` for task t. With `parent`, stop at the last component (which
 * need not exist) and return its directory; `follow` decides whether a final symlink is followed.
 */
export function lookup(k: Kernel, t: Task, path: string, opts?: { follow?: boolean; parent?: boolean }): Nameidata | number {
  return lookupAt(k, t, path, opts?.follow ?? true, opts?.parent ?? false);
}

/** lookup() with the two flags as arguments (no options object on hot paths). */
export function lookupAt(k: Kernel, t: Task, path: string, follow: boolean, parent: boolean): Nameidata | number {
  if (path.includes('\0')) path = cstr(path);
  if (path === '') return -ENOENT;
  if (path.length >= PATH_MAX) return -ENAMETOOLONG;
  const useCache = path[0] === '/' && t.cred.euid === 0 && t.fs.root === k.rootInode;
  // One map per (follow, parent) pair, keyed by the path itself: no key string to build and hash.
  const cache = useCache ? k.dcache[(follow ? 1 : 0) | (parent ? 2 : 0)] : null;
  if (cache) {
    const hit = cache.get(path);
    if (hit !== undefined) return hit;
  }
  const ctx: WalkCtx = { links: 0, cacheable: true };
  const r = walk(k, t, path[0] === '/' ? t.fs.root : t.fs.cwd, path, follow, parent, ctx);
  if (cache && ctx.cacheable) {
    if (cache.size > 5000) cache.clear();
    cache.set(path, r);
  }
  return r;
}

/** Follow a magic link: the open file's own inode, whatever its path says. */
function magic(k: Kernel, link: Inode, dir: Inode, name: string): Nameidata | number {
  const f = (link.priv as MagicLink)(k);
  if (!f || !f.inode) return -ENOENT;
  return { inode: f.inode, dir, name, file: f };
}

function walk(k: Kernel, t: Task, base: Inode, path: string, follow: boolean, parent: boolean, links: WalkCtx): Nameidata | number {
  let dir: Inode = path[0] === '/' ? t.fs.root : base;
  const queue = path.split('/').filter((p) => p !== '');
  if (queue.length === 0) return { inode: dir, dir, name: '.' };
  // A trailing slash asks for a directory and follows a final symlink (namei's LOOKUP_DIRECTORY).
  const slash = path.charCodeAt(path.length - 1) === 47;
  for (let i = 0; i < queue.length; i++) {
    const name = queue[i];
    const last = i === queue.length - 1;
    if (last && parent && name !== '.' && name !== '..') {
      if (uncached(dir)) links.cacheable = false;
      if (!dir.isDir) return -ENOTDIR;
      if (!mayExec(k, t, dir)) return -EACCES;
      let inode = dir.dirOps!.lookup(dir, name);
      if (inode && inode.isLink && follow && typeof inode.priv === 'function') return magic(k, inode, dir, name);
      if (inode && inode.isLink && follow) {
        // Creating through a symlink (O_CREAT on a dangling link) creates its target.
        if (++links.links > MAXSYMLINKS) return -ELOOP;
        return walk(k, t, dir, inode.target, follow, parent, links);
      }
      if (inode) for (let m = mountedOn(k, inode); m; m = mountedOn(k, inode)) inode = m.root;
      return slash ? { inode: inode as Inode, dir, name, slash } : { inode: inode as Inode, dir, name };
    }
    if (uncached(dir)) links.cacheable = false;
    const next = step(k, t, dir, name);
    if (typeof next === 'number') return next;
    if (uncached(next)) links.cacheable = false;
    if (next.isLink && (!last || follow || slash)) {
      if (++links.links > MAXSYMLINKS) return -ELOOP;
      if (typeof next.priv === 'function') {
        const r = magic(k, next, dir, name);
        if (typeof r === 'number' || last) return typeof r !== 'number' && slash && !r.inode.isDir ? -ENOTDIR : r;
        if (!r.inode.isDir) return -ENOTDIR;
        dir = r.inode;
        continue;
      }
      const target = next.target.split('/').filter((p) => p !== '');
      if (next.target[0] === '/') dir = t.fs.root;
      queue.splice(i + 1, 0, ...target);
      if (i + 1 === queue.length) return parent ? { inode: dir, dir: dir.parent ?? dir, name: '.' } : { inode: dir, dir, name: '.' };
      continue;
    }
    if (last) return slash && !next.isDir ? -ENOTDIR : { inode: next, dir, name };
    if (!next.isDir) return -ENOTDIR;
    dir = next;
  }
  return { inode: dir, dir, name: '.' };
}

/** The absolute path of a directory inode, as getcwd(2) and /proc/<pid>/cwd report it. */
export function pathOf(k: Kernel, inode: Inode, root: Inode): string {
  const parts: string[] = [];
  let cur = inode;
  for (let guard = 0; cur !== root && guard < 4096; guard++) {
    const m = k.mounts.byRoot.get(cur);
    if (m && m.mountpoint) {
      cur = m.mountpoint;
      continue;
    }
    const parent = cur.parent;
    if (!parent) break;
    let found = '';
    for (const [name, child] of parent.dirOps!.list(parent)) if (child === cur) found = name;
    parts.push(found);
    cur = parent;
  }
  return '/' + parts.reverse().join('/');
}
