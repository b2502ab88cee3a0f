// The kernel's own file API for its hosts (init/ laying out the root filesystem, the editor's
// file tree): the same VFS, used with root credentials outside any task (like init_*() helpers
// in init/ and kernel_read_file()).
import { EEXIST, EISDIR, ENOENT, ENOTDIR, ENOTEMPTY, EPERM } from '../uapi/errno.ts';
import { S_IFDIR, S_IFLNK, S_IFMT, S_IFREG } from '../uapi/fcntl.ts';
import type { Stat } from '../uapi/fcntl.ts';
import type { Kernel } from './kernel.ts';
import { setData } from './ramfs.ts';
import { statOf } from './sys_fs.ts';
import { lookup } from './vfs.ts';
import type { Inode } from './vfs.ts';

export interface DirEntry {
  name: string;
  path: string;
  mode: number;
  size: number;
  target?: string;
}

const ctx = (k: Kernel) => k.idleTask;

export function kStat(k: Kernel, path: string, follow = true): Stat | number {
  const nd = lookup(k, ctx(k), path, { follow });
  return typeof nd === 'number' ? nd : statOf(nd.inode);
}

export function kReadFile(k: Kernel, path: string): string | number {
  const nd = lookup(k, ctx(k), path);
  if (typeof nd === 'number') return nd;
  const ino = nd.inode;
  if (ino.isDir) return -EISDIR;
  if (ino.show) return ino.show(k, ctx(k));
  const node = ino.priv as { kind?: string; show?: (k: Kernel, t: unknown) => string } | null;
  if ((ino.mode & S_IFMT) !== S_IFREG) return -EPERM;
  if (node && node.kind === 'file') return node.show ? node.show(k, ctx(k)) : '';
  return ino.data;
}

/** mkdir -p */
export function kMkdirP(k: Kernel, path: string, mode = 0o755): Inode | number {
  let cur = k.rootInode;
  let sofar = '';
  for (const part of path.split('/').filter(Boolean)) {
    sofar += `/${part}`;
    const nd = lookup(k, ctx(k), sofar);
    if (typeof nd !== 'number') {
      if (!nd.inode.isDir) return -ENOTDIR;
      cur = nd.inode;
      continue;
    }
    if (nd !== -ENOENT) return nd;
    if (!cur.dirOps?.create) return -EPERM;
    const r = cur.dirOps.create(k, cur, part, S_IFDIR | mode);
    if (typeof r === 'number') return r;
    cur = r;
  }
  return cur;
}

/** Create or replace a regular file (parents made as needed). */
export function kWriteFile(k: Kernel, path: string, data: string, mode = 0o644): number {
  const slash = path.lastIndexOf('/');
  const dir = kMkdirP(k, path.slice(0, slash) || '/');
  if (typeof dir === 'number') return dir;
  const name = path.slice(slash + 1);
  if (!name) return -EISDIR;
  let ino = dir.dirOps!.lookup(dir, name);
  if (ino && ino.isLink) {
    const nd = lookup(k, ctx(k), path);
    if (typeof nd === 'number') return nd;
    ino = nd.inode;
  }
  if (!ino) {
    if (!dir.dirOps?.create) return -EPERM;
    const r = dir.dirOps.create(k, dir, name, S_IFREG | (mode & 0o7777));
    if (typeof r === 'number') return r;
    ino = r;
  } else if (ino.isDir) return -EISDIR;
  else ino.mode = (ino.mode & S_IFMT) | (mode & 0o7777);
  const node = ino.priv as { kind?: string; store?: (k: Kernel, d: string, f: unknown) => number } | null;
  if (node && node.kind === 'file') {
    if (!node.store) return -EPERM;
    const r = node.store(k, data, { pos: 0 });
    return r < 0 ? r : 0;
  }
  return setData(k, ino, data);
}

export function kSymlink(k: Kernel, target: string, path: string): number {
  const slash = path.lastIndexOf('/');
  const dir = kMkdirP(k, path.slice(0, slash) || '/');
  if (typeof dir === 'number') return dir;
  const name = path.slice(slash + 1);
  if (dir.dirOps!.lookup(dir, name)) return -EEXIST;
  const r = dir.dirOps!.create!(k, dir, name, S_IFLNK | 0o777);
  if (typeof r === 'number') return r;
  r.target = target;
  return 0;
}

export function kList(k: Kernel, path: string): DirEntry[] | number {
  const nd = lookup(k, ctx(k), path);
  if (typeof nd === 'number') return nd;
  if (!nd.inode.isDir) return -ENOTDIR;
  const base = path.replace(/\/+$/, '');
  return nd.inode.dirOps!.list(nd.inode).map(([name, ino]) => {
    let shown = ino;
    const m = k.mounts.byMountpoint.get(ino);
    if (m) shown = m.root;
    const e: DirEntry = { name, path: `${base}/${name}`, mode: shown.mode, size: shown.size };
    if (shown.isLink) e.target = shown.target;
    return e;
  });
}

/** rm (-r for directories). */
export function kRemove(k: Kernel, path: string, recursive = false): number {
  const nd = lookup(k, ctx(k), path, { parent: true, follow: false });
  if (typeof nd === 'number') return nd;
  if (!nd.inode) return -ENOENT;
  if (!nd.dir.dirOps?.unlink) return -EPERM;
  if (nd.inode.isDir) {
    if (k.mounts.byRoot.has(nd.inode) || k.mounts.byMountpoint.has(nd.inode)) return -EPERM;
    if (nd.inode.entries?.size) {
      if (!recursive) return -ENOTEMPTY;
      for (const name of [...nd.inode.entries.keys()]) {
        const r = kRemove(k, `${path.replace(/\/+$/, '')}/${name}`, true);
        if (r < 0) return r;
      }
    }
  }
  return nd.dir.dirOps.unlink(k, nd.dir, nd.name);
}

export function kChmod(k: Kernel, path: string, mode: number): number {
  const nd = lookup(k, ctx(k), path);
  if (typeof nd === 'number') return nd;
  nd.inode.mode = (nd.inode.mode & S_IFMT) | (mode & 0o7777);
  nd.inode.ctime = k.sched.now;
  return 0;
}

export function kRename(k: Kernel, from: string, to: string): number {
  const a = lookup(k, ctx(k), from, { parent: true, follow: false });
  if (typeof a === 'number') return a;
  if (!a.inode) return -ENOENT;
  const b = lookup(k, ctx(k), to, { parent: true, follow: false });
  if (typeof b === 'number') return b;
  if (b.inode) return -EEXIST;
  if (a.dir.sb !== b.dir.sb || !b.dir.dirOps?.link || !a.dir.dirOps?.unlink) return -EPERM;
  b.dir.dirOps.link(k, b.dir, b.name, a.inode);
  a.dir.dirOps.unlink(k, a.dir, a.name);
  if (a.inode.isDir) {
    a.inode.nlink = 2;
    a.inode.parent = b.dir;
  }
  return 0;
}
