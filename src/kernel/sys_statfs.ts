// fs/statfs.c: statfs(2) resolves the path (following symlinks) and asks the superblock's
// ->statfs; flags_by_mnt() adds the ST_* flags of the mount (Linux 2.6.36+, ST_VALID included).
// The ram filesystems answer as shmem_statfs() does for a tmpfs mounted with size= (our quota):
// blocks from the quota, free blocks less the pages the files hold. Without a quota, or for
// 2.6.20's ramfs rootfs, they answer as simple_statfs(): every count 0. proc and sysfs too.
// Simplified: files unlinked while still open no longer count; tmpfs's nr_inodes is taken as one
// inode per page of the quota.
import { S_IFMT, S_IFREG } from '../uapi/fcntl.ts';
import {
  DEVPTS_SUPER_MAGIC, EXT2_SUPER_MAGIC, PIPEFS_MAGIC, PROC_SUPER_MAGIC, RAMFS_MAGIC, ST_NODEV, ST_NOEXEC, ST_NOSUID, ST_RDONLY,
  ST_RELATIME, ST_VALID, SYSFS_MAGIC, TMPFS_MAGIC,
} from '../uapi/statfs.ts';
import type { Statfs } from '../uapi/statfs.ts';
import { defineFast } from './entry.ts';
import type { Kernel } from './kernel.ts';
import { lookupAt, mountFlags } from './vfs.ts';
import type { Inode, SuperBlock } from './vfs.ts';

const PAGE_SIZE = 4096, NAME_MAX = 255, DEV_SIZE = 10240 * 1024;

/** include/uapi/linux/magic.h for the types khelper mounts or a module may register. */
const MAGIC: Record<string, number> = {
  tmpfs: TMPFS_MAGIC, devtmpfs: TMPFS_MAGIC, ramfs: RAMFS_MAGIC, proc: PROC_SUPER_MAGIC, sysfs: SYSFS_MAGIC,
  devpts: DEVPTS_SUPER_MAGIC, pipefs: PIPEFS_MAGIC, ext2: EXT2_SUPER_MAGIC, ext3: EXT2_SUPER_MAGIC, ext4: EXT2_SUPER_MAGIC,
  vfat: 0x4d44, msdos: 0x4d44, iso9660: 0x9660, nfs: 0x6969, cramfs: 0x28cd3d45, squashfs: 0x73717368, xfs: 0x58465342,
  btrfs: 0x9123683e, binfmt_misc: 0x42494e4d, configfs: 0x62656570, debugfs: 0x64626720, securityfs: 0x73636673,
  mqueue: 0x19800202, hugetlbfs: 0x958458f6, fuse: 0x65735546, autofs: 0x0187, cgroup: 0x27e0eb, cgroup2: 0x63677270,
};

/** flags_by_mnt(): the ST_* values are the MS_* ones for these four, plus ST_VALID and relatime. */
function stFlags(sb: SuperBlock): number {
  return ST_VALID | ST_RELATIME | (mountFlags(sb) & (ST_RDONLY | ST_NOSUID | ST_NODEV | ST_NOEXEC));
}

/** Inodes and data pages of a ram tree, each inode once (hard links). */
function countTree(root: Inode): { inodes: number; pages: number } {
  const seen = new Set<Inode>();
  const stack = [root];
  let pages = 0;
  while (stack.length) {
    const ino = stack.pop()!;
    if (seen.has(ino)) continue;
    seen.add(ino);
    if ((ino.mode & S_IFMT) === S_IFREG) pages += Math.ceil(ino.data.length / PAGE_SIZE);
    // Only this superblock's entries: a mount on a subdirectory is another filesystem.
    if (ino.entries) for (const child of ino.entries.values()) if (child.sb === root.sb) stack.push(child);
  }
  return { inodes: seen.size, pages };
}

/** The root inode of the mount of sb (the tree shmem_statfs's counters describe). */
function sbRoot(k: Kernel, sb: SuperBlock): Inode | null {
  for (const m of k.mounts.list) if (m.root.sb === sb) return m.root;
  return null;
}

export function statfsOf(k: Kernel, inode: Inode): Statfs {
  const sb = inode.sb;
  const ramfsRoot = k.legacy && sb.fstype === 'rootfs';
  const type = sb.fstype === 'rootfs' ? (ramfsRoot ? RAMFS_MAGIC : TMPFS_MAGIC) : MAGIC[sb.fstype] ?? RAMFS_MAGIC;
  const st: Statfs = {
    type, bsize: PAGE_SIZE, blocks: 0, bfree: 0, bavail: 0, files: 0, ffree: 0, namelen: NAME_MAX, frsize: PAGE_SIZE,
    // 2.6.20's struct statfs had no f_flags yet (f_spare).
    flags: k.legacy ? 0 : stFlags(sb),
  };
  const root = sbRoot(k, sb);
  // /dev is Debian's udev mount, size=10240k as /proc/mounts shows it.
  const quota = sb.fstype === 'devtmpfs' && !Number.isFinite(sb.quota) ? DEV_SIZE : sb.quota;
  if (ramfsRoot || !Number.isFinite(quota) || !root || !root.entries) return st;
  const used = countTree(root);
  st.blocks = Math.floor(quota / PAGE_SIZE);
  st.bfree = st.bavail = Math.max(0, st.blocks - used.pages);
  st.files = st.blocks;
  st.ffree = Math.max(0, st.files - used.inodes);
  return st;
}

defineFast('statfs', (k, t, c) => {
  const nd = lookupAt(k, t, c.path, true, false);
  if (typeof nd === 'number') return nd;
  return statfsOf(k, nd.inode);
});
