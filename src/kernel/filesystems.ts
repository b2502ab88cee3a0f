// fs/filesystems.c get_fs_type() and fs/namespace.c mount/umount. 2.6.20 requests the bare type
// name; 6.6 requests "fs-<type>" (up to a '.') and warns once when modprobe succeeded but the type
// is still unknown. A mounted filesystem pins its module. Mounting a module's filesystem gives an
// empty in-memory tree (there are no block devices here).
import { EBUSY, EINVAL, ENODEV, ENOTDIR, EPERM } from '../uapi/errno.ts';
import { MS_NOEXEC, S_IFDIR } from '../uapi/fcntl.ts';
import { CAP_SYS_ADMIN, KERN_WARNING } from '../uapi/resource.ts';
import type { Kernel } from './kernel.ts';
import { printkOnce } from './printk.ts';
import { makeDir, newInode, newSuper } from './ramfs.ts';
import { capable } from './task.ts';
import type { KGen } from './task.ts';
import { dcacheInvalidate, lookup } from './vfs.ts';
import type { Inode, Mount } from './vfs.ts';
import { requestModuleAny } from './autoload.ts';

export interface FsType {
  owner: string | null;
  nodev: boolean;
  /** Built-in types that make their own root (proc, sysfs); others get an empty ram tree. */
  makeRoot?: (k: Kernel) => Inode;
}

function tryGet(k: Kernel, name: string): FsType | null {
  const fs = k.filesystems.get(name);
  if (!fs) return null;
  if (fs.owner) {
    const m = k.modules.find(fs.owner);
    if (!m || m.state === 'Unloading') return null;
    m.refcnt++;
  }
  return fs;
}

/** get_fs_type(): the type with a module reference taken, or null. */
export function* getFsType(k: Kernel, name: string): KGen<FsType | null> {
  if (k.legacy) {
    let fs = tryGet(k, name);
    if (!fs && (yield* requestModuleAny(k, name, true)) === 0) fs = tryGet(k, name);
    return fs;
  }
  const dot = name.indexOf('.');
  const base = dot >= 0 ? name.slice(0, dot) : name;
  let fs = tryGet(k, base);
  if (!fs && (yield* requestModuleAny(k, `fs-${base}`, true)) === 0) {
    fs = tryGet(k, base);
    if (!fs) printkOnce(k, 'get_fs_type', KERN_WARNING, `request_module fs-${base} succeeded, but still no fs?`);
  }
  if (dot >= 0 && fs) {
    putFilesystem(k, fs);
    return null;
  }
  return fs;
}

export function putFilesystem(k: Kernel, fs: FsType): void {
  if (!fs.owner) return;
  const m = k.modules.find(fs.owner);
  if (m) m.refcnt--;
}

/** Attach root at the directory path (do_add_mount). */
export function attachMount(k: Kernel, mountpoint: Inode | null, root: Inode, devName: string, path: string): Mount {
  dcacheInvalidate(k);
  const m: Mount = { root, mountpoint, parentMount: null, devName, path };
  if (mountpoint) {
    k.mounts.byMountpoint.set(mountpoint, m);
    root.parent = mountpoint.parent;
  }
  k.mounts.byRoot.set(root, m);
  k.mounts.list.push(m);
  return m;
}

/** sys_mount() for new mounts. */
export function* doMount(k: Kernel, source: string, target: string, fstype: string, flags: number): KGen<number> {
  const t = k.current;
  if (!capable(t.cred, CAP_SYS_ADMIN)) return -EPERM;
  const nd = lookup(k, t, target);
  if (typeof nd === 'number') return nd;
  if (!nd.inode.isDir) return -ENOTDIR;
  if (!fstype) return -EINVAL;
  const fs = yield* getFsType(k, fstype);
  if (!fs) return -ENODEV;
  let root: Inode;
  if (fs.makeRoot) root = fs.makeRoot(k);
  else {
    const sb = newSuper(k, fstype, k.config.fsQuota);
    root = newInode(k, sb, S_IFDIR | 0o755);
    makeDir(root, null);
  }
  root.sb.flags = flags & MS_NOEXEC;
  root.priv = { fs, owner: fs.owner };
  // The superblock keeps the module reference get_fs_type() took; umount drops it.
  const path = target.startsWith('/') ? target : `${target}`;
  attachMount(k, nd.inode, root, source || fstype, path.replace(/\/+$/, '') || '/');
  return 0;
}

export function* doUmount(k: Kernel, target: string): KGen<number> {
  const t = k.current;
  if (!capable(t.cred, CAP_SYS_ADMIN)) return -EPERM;
  const nd = lookup(k, t, target);
  if (typeof nd === 'number') return nd;
  const m = k.mounts.byRoot.get(nd.inode);
  if (!m || !m.mountpoint) return -EINVAL;
  for (const o of k.tasks.values()) if (o.fs.cwd === m.root) return -EBUSY;
  dcacheInvalidate(k);
  k.mounts.byMountpoint.delete(m.mountpoint);
  k.mounts.byRoot.delete(m.root);
  k.mounts.list = k.mounts.list.filter((x) => x !== m);
  const info = m.root.priv as { fs?: FsType } | null;
  if (info?.fs) putFilesystem(k, info.fs);
  return 0;
}

