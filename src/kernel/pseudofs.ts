// The machinery shared by procfs and sysfs: directories whose entries are computed when looked
// up, files whose content is produced at open (seq_file style) and whose writes go to a store
// callback, and symlinks with computed targets. Inode numbers are stable per path.
import { EINVAL } from '../uapi/errno.ts';
import { S_IFDIR, S_IFLNK, S_IFREG } from '../uapi/fcntl.ts';
import type { File, FileOps } from './file.ts';
import type { Kernel } from './kernel.ts';
import { dirFileOps, llseek } from './ramfs.ts';
import type { KGen, Task } from './task.ts';
import { Inode } from './vfs.ts';
import type { DirOps, MagicLink, SuperBlock } from './vfs.ts';

/**
 * What open() asks of a pseudo file once the mode bits (generic_permission()) let the opener in:
 * 0 or -errno. It stands for an inode's ->permission (6.6 proc_sys_permission()) and a
 * file_operations ->open that refuses (2.6.20 proc_opensys(), sysfs check_perm(),
 * kernfs_fop_open()). `acc` is the O_ACCMODE of the open.
 */
export type OpenCheck = (k: Kernel, t: Task, node: PNode & { kind: 'file' }, acc: number) => number;

/** The inode's owner [uid, gid] when it is made; root's when absent. */
export type Owner = (k: Kernel) => [number, number];

export type PNode =
  | { kind: 'dir'; mode?: number; owner?: Owner; list: (k: Kernel) => [string, PNode][]; lookup?: (k: Kernel, name: string) => PNode | null }
  | { kind: 'file'; mode: number; owner?: Owner; noAccess?: number; size?: number; show?: (k: Kernel, reader: Task) => string; store?: (k: Kernel, data: string, f: File) => number; ops?: FileOps;
    storeSlow?: (k: Kernel, data: string) => KGen<number>; openCheck?: OpenCheck }
  | { kind: 'link'; mode?: number; owner?: Owner; size?: number; target: (k: Kernel, reader: Task) => string; file?: MagicLink };

export const dir = (list: (k: Kernel) => [string, PNode][], lookup?: (k: Kernel, name: string) => PNode | null, mode = 0o555): PNode => ({ kind: 'dir', mode, list, lookup });
export const file = (mode: number, show?: (k: Kernel, reader: Task) => string, store?: (k: Kernel, data: string, f: File) => number): PNode =>
  ({ kind: 'file', mode, show, store });
/**
 * What a read of a file without show, or a write of one without store, returns (the file was
 * opened, as root may): vfs_write()'s EINVAL for a file_operations without .write (the default),
 * pde_write()'s EIO for proc_create() entries, or kernfs_fop_open()'s EACCES for a sysfs
 * attribute, which in Linux already fails the open.
 */
export function noAccess(errno: number, node: PNode): PNode {
  if (node.kind === 'file') node.noAccess = errno;
  return node;
}
export const link = (target: (k: Kernel, reader: Task) => string, file?: MagicLink): PNode => ({ kind: 'link', target, file });
export const staticDir = (entries: Record<string, PNode>, owner?: Owner): PNode =>
  ({ kind: 'dir', mode: 0o555, owner, list: () => Object.entries(entries), lookup: (_k, n) => entries[n] ?? null });

const pseudoFileOps: FileOps = {
  read(k, f, count) {
    const node = f.inode!.priv as PNode & { kind: 'file' };
    if (!node.show) return -(node.noAccess ?? EINVAL);
    if (f.snapshot === null) f.snapshot = node.show(k, k.current);
    const s = f.snapshot;
    if (f.pos >= s.length) return '';
    const out = s.slice(f.pos, f.pos + count);
    f.pos += out.length;
    return out;
  },
  write(k, f, data) {
    const node = f.inode!.priv as PNode & { kind: 'file' };
    if (!node.store) return -(node.noAccess ?? EINVAL);
    const r = node.store(k, data, f);
    if (r > 0) f.pos += r;
    return r;
  },
  llseek: (_k, f, off, whence) => llseek(f, f.snapshot?.length ?? 0, off, whence),
};

const pseudoSlowOps: FileOps = {
  ...pseudoFileOps,
  writeSlow(k, f, data) {
    const node = f.inode!.priv as PNode & { kind: 'file' };
    return node.storeSlow!(k, data);
  },
};

/**
 * What stat() says of a pseudo inode's size: 0 for procfs and sysfs directories and for proc
 * files; a sysfs attribute says PAGE_SIZE (2.6.20 init_file(), 6.6 sysfs_add_file_mode_ns())
 * and a binary one its declared size, set through the node's `size`. A symlink's is its
 * target's length (proc_symlink()) unless the node says otherwise (64 for /proc/PID/fd links).
 */
class PseudoInode extends Inode {
  fileSize: number | null = null;
  openCheck: OpenCheck | null = null;
  override get size(): number {
    return this.fileSize ?? (this.isLink ? this.target.length : 0);
  }
}

/** open()'s question to a pseudo inode (OpenCheck); 0 for every other inode. */
export function pseudoOpenCheck(k: Kernel, t: Task, inode: Inode, acc: number): number {
  if (!(inode instanceof PseudoInode) || !inode.openCheck) return 0;
  return inode.openCheck(k, t, inode.priv as PNode & { kind: 'file' }, acc);
}

function hashPath(path: string): number {
  let h = 2166136261;
  for (let i = 0; i < path.length; i++) h = Math.imul(h ^ path.charCodeAt(i), 16777619);
  return (h >>> 0) % 0x7fffffff;
}

/** Make (or remake) the inode for a node at path; the same path gets the same inode number. */
export function materialize(k: Kernel, sb: SuperBlock, node: PNode, path: string, parent: Inode | null): Inode {
  const ino = hashPath(path) + 2;
  if (node.kind === 'dir') {
    const d = new PseudoInode(ino, S_IFDIR | (node.mode ?? 0o555), sb);
    d.parent = parent;
    d.nlink = 2;
    d.fops = dirFileOps;
    d.priv = node;
    d.dirOps = pseudoDirOps(k, path);
    d.mtime = d.ctime = k.sched.now;
    if (node.owner) [d.uid, d.gid] = node.owner(k);
    return d;
  }
  if (node.kind === 'link') {
    const l = new PseudoInode(ino, S_IFLNK | (node.mode ?? 0o777), sb);
    l.fileSize = node.size ?? null;
    l.target = node.target(k, k.sched.current ?? k.initTask);
    if (node.file) l.priv = node.file;
    l.mtime = l.ctime = k.sched.now;
    if (node.owner) [l.uid, l.gid] = node.owner(k);
    return l;
  }
  const f = new PseudoInode(ino, S_IFREG | node.mode, sb);
  f.fileSize = node.size ?? 0;
  f.fops = node.ops ?? (node.storeSlow ? pseudoSlowOps : pseudoFileOps);
  f.openCheck = node.openCheck ?? null;
  f.priv = node;
  f.mtime = f.ctime = k.sched.now;
  if (node.owner) [f.uid, f.gid] = node.owner(k);
  return f;
}

function pseudoDirOps(k: Kernel, path: string): DirOps {
  return {
    lookup(d, name) {
      const node = d.priv as PNode & { kind: 'dir' };
      const child = node.lookup ? node.lookup(k, name) : node.list(k).find(([n]) => n === name)?.[1] ?? null;
      return child ? materialize(k, d.sb, child, `${path}/${name}`, d) : null;
    },
    list(d) {
      const node = d.priv as PNode & { kind: 'dir' };
      return node.list(k).map(([n, c]) => [n, materialize(k, d.sb, c, `${path}/${n}`, d)]);
    },
  };
}

