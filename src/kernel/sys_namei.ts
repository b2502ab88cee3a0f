// The syscalls that create, remove and rename names (fs/namei.c: do_mkdirat, do_rmdir,
// do_unlinkat, do_renameat2, do_linkat, do_symlinkat; fs/stat.c: readlinkat).
import { EBUSY, EEXIST, EINVAL, EISDIR, ENOENT, ENOTDIR, ENOTEMPTY, EPERM, EXDEV } from '../uapi/errno.ts';
import { S_IFDIR, S_IFLNK } from '../uapi/fcntl.ts';
import { defineFast } from './entry.ts';
import { lookup } from './vfs.ts';
import type { Inode } from './vfs.ts';

defineFast('mkdir', (k, t, c) => {
  const nd = lookup(k, t, c.path, { parent: true, follow: false });
  if (typeof nd === 'number') return nd;
  if (nd.inode || nd.name === '.' || nd.name === '..') return -EEXIST;
  if (!nd.dir.dirOps?.create) return -EPERM;
  const r = nd.dir.dirOps.create(k, nd.dir, nd.name, S_IFDIR | (c.mode & ~t.fs.umask & 0o7777));
  return typeof r === 'number' ? r : 0;
});
defineFast('rmdir', (k, t, c) => {
  const nd = lookup(k, t, c.path, { parent: true, follow: false });
  if (typeof nd === 'number') return nd;
  if (nd.name === '.') return -EINVAL;
  if (nd.name === '..') return -ENOTEMPTY;
  if (!nd.inode) return -ENOENT;
  if (!nd.inode.isDir) return -ENOTDIR;
  if (k.mounts.byRoot.has(nd.inode) || k.mounts.byMountpoint.has(nd.inode)) return -EBUSY;
  if (nd.inode.entries && nd.inode.entries.size) return -ENOTEMPTY;
  if (!nd.dir.dirOps?.unlink) return -EPERM;
  return nd.dir.dirOps.unlink(k, nd.dir, nd.name);
});
defineFast('unlink', (k, t, c) => {
  const nd = lookup(k, t, c.path, { parent: true, follow: false });
  if (typeof nd === 'number') return nd;
  if (!nd.inode) return -ENOENT;
  if (nd.inode.isDir) return -EISDIR;
  // do_unlinkat()'s "slashes:" exit.
  if (nd.slash) return -ENOTDIR;
  if (!nd.dir.dirOps?.unlink) return -EPERM;
  return nd.dir.dirOps.unlink(k, nd.dir, nd.name);
});
defineFast('rename', (k, t, c) => {
  const a = lookup(k, t, c.oldpath, { parent: true, follow: false });
  if (typeof a === 'number') return a;
  if (!a.inode) return -ENOENT;
  const b = lookup(k, t, c.newpath, { parent: true, follow: false });
  if (typeof b === 'number') return b;
  // do_renameat2(): a trailing slash on either name is only for directories.
  if (!a.inode.isDir && (a.slash || b.slash)) return -ENOTDIR;
  if (a.dir.sb !== b.dir.sb) return -EXDEV;
  if (!a.dir.dirOps?.unlink || !b.dir.dirOps?.link) return -EPERM;
  if (a.inode === b.inode) return 0;
  if (a.inode.isDir) {
    for (let d: Inode | null = b.dir; d; d = d.parent === d ? null : d.parent) if (d === a.inode) return -EINVAL;
  }
  if (b.inode) {
    if (b.inode.isDir && !a.inode.isDir) return -EISDIR;
    if (!b.inode.isDir && a.inode.isDir) return -ENOTDIR;
    if (b.inode.isDir && b.inode.entries?.size) return -ENOTEMPTY;
    b.dir.dirOps.unlink!(k, b.dir, b.name);
  }
  const moved = a.inode;
  b.dir.dirOps.link(k, b.dir, b.name, moved);
  a.dir.dirOps.unlink(k, a.dir, a.name);
  if (moved.isDir) {
    moved.nlink = 2;
    moved.parent = b.dir;
  }
  return 0;
});
defineFast('link', (k, t, c) => {
  const a = lookup(k, t, c.oldpath, { follow: false });
  if (typeof a === 'number') return a;
  if (a.inode.isDir) return -EPERM;
  const b = lookup(k, t, c.newpath, { parent: true, follow: false });
  if (typeof b === 'number') return b;
  if (b.inode) return -EEXIST;
  // filename_create(): a trailing slash on a name that is not a directory to be.
  if (b.slash) return -ENOENT;
  if (a.inode.sb !== b.dir.sb) return -EXDEV;
  if (!b.dir.dirOps?.link) return -EPERM;
  return b.dir.dirOps.link(k, b.dir, b.name, a.inode);
});
defineFast('symlink', (k, t, c) => {
  const nd = lookup(k, t, c.path, { parent: true, follow: false });
  if (typeof nd === 'number') return nd;
  if (nd.inode) return -EEXIST;
  if (nd.slash) return -ENOENT;
  if (!nd.dir.dirOps?.create) return -EPERM;
  if (!c.target) return -ENOENT;
  const r = nd.dir.dirOps.create(k, nd.dir, nd.name, S_IFLNK | 0o777);
  if (typeof r === 'number') return r;
  r.target = c.target;
  return 0;
});
defineFast('readlink', (k, t, c) => {
  const nd = lookup(k, t, c.path, { follow: false });
  if (typeof nd === 'number') return nd;
  if (!nd.inode.isLink) return -EINVAL;
  return nd.inode.target;
});
