// What the kernel mounts before init runs: a ram root (with a quota: -ENOSPC), proc on /proc,
// sysfs on /sys, udev's /dev (devtmpfs on 6.6, tmpfs on 2.6.20) with the standard nodes, tmpfs
// on /tmp, and the built-in filesystem types. (A real init mounts proc and sysfs itself; here they are ready at boot.)
import { S_IFCHR, S_IFDIR, S_IFLNK, makedev } from '../uapi/fcntl.ts';
import type { Kernel } from './kernel.ts';
import { attachMount } from './filesystems.ts';
import { materialize } from './pseudofs.ts';
import { procRoot } from './procfs.ts';
import { makeDir, newInode, newSuper, ramDirOps } from './ramfs.ts';
import { sysRoot } from './sysfs.ts';
import { Tty } from './tty.ts';
import type { Inode } from './vfs.ts';

function mkdirIn(k: Kernel, dir: Inode, name: string, mode = 0o755): Inode {
  const existing = dir.entries!.get(name);
  if (existing) return existing;
  const r = ramDirOps.create!(k, dir, name, S_IFDIR | mode);
  if (typeof r === 'number') throw new Error(`BUG: mkdir ${name}: ${r}`);
  return r;
}

const DEV_NODES: [string, number, number, number][] = [
  ['null', 1, 3, 0o666], ['zero', 1, 5, 0o666], ['full', 1, 7, 0o666], ['random', 1, 8, 0o666], ['urandom', 1, 9, 0o666],
  ['kmsg', 1, 11, 0o644], ['tty', 5, 0, 0o666], ['console', 5, 1, 0o600], ['tty1', 4, 1, 0o620],
  // A static node with no driver built in: opening it autoloads char-major-99-0 (ppdev).
  ['parport0', 99, 0, 0o660],
];

const LEGACY_DEV_SIZE = 10 << 20;

const DEV_LINKS: [string, string][] = [
  ['fd', '/proc/self/fd'], ['stdin', '/proc/self/fd/0'], ['stdout', '/proc/self/fd/1'], ['stderr', '/proc/self/fd/2'],
];

export function bootFilesystems(k: Kernel): void {
  k.rootSb = newSuper(k, 'rootfs', k.config.fsQuota);
  const root = newInode(k, k.rootSb, S_IFDIR | 0o755);
  makeDir(root, null);
  k.rootInode = root;
  attachMount(k, null, root, 'rootfs', '/');
  k.pipeSb = newSuper(k, 'pipefs');
  k.console = new Tty(k, 'tty1');

  // devtmpfs arrived in 2.6.32.
  const builtin = ['rootfs', 'ramfs', 'tmpfs', 'proc', 'sysfs', ...(k.legacy ? [] : ['devtmpfs']), 'pipefs'];
  for (const name of builtin) k.filesystems.set(name, { owner: null, nodev: true });
  k.filesystems.set('ext2', { owner: null, nodev: false });
  const procFs = k.filesystems.get('proc')!;
  procFs.makeRoot = (kk) => materialize(kk, newSuper(kk, 'proc'), procRoot(kk), '/proc', null);
  const sysFs = k.filesystems.get('sysfs')!;
  sysFs.makeRoot = (kk) => materialize(kk, newSuper(kk, 'sysfs'), sysRoot(kk), '/sys', null);

  for (const [major, name] of [[1, 'mem'], [4, 'tty'], [5, '/dev/tty'], [5, '/dev/console'], [10, 'misc']] as const) {
    if (!k.chrdevs.has(major)) k.chrdevs.set(major, { name, owner: null });
  }

  const proc = mkdirIn(k, root, 'proc', 0o555);
  attachMount(k, proc, procFs.makeRoot(k), 'proc', '/proc');
  const sys = mkdirIn(k, root, 'sys', 0o555);
  attachMount(k, sys, sysFs.makeRoot(k), 'sysfs', '/sys');

  // 6.6: Debian's udev mounts devtmpfs ("udev /dev devtmpfs rw,nosuid,relatime,size=10240k,...").
  // 2.6.20 has no devtmpfs: udev's init script (Debian etch, Ubuntu feisty) mounted a tmpfs,
  // "mount -n -o size=10M,mode=0755 -t tmpfs udev /dev", without nosuid or nodev.
  const devSb = k.legacy ? newSuper(k, 'tmpfs', LEGACY_DEV_SIZE) : newSuper(k, 'devtmpfs');
  if (k.legacy) devSb.mntFlags = 0;
  const dev = newInode(k, devSb, S_IFDIR | 0o755);
  makeDir(dev, null);
  for (const [name, maj, min, mode] of DEV_NODES) {
    const node = ramDirOps.create!(k, dev, name, S_IFCHR | mode, makedev(maj, min));
    if (typeof node === 'number') throw new Error(`BUG: mknod ${name}`);
  }
  // What udev (and systemd's static nodes) put in every /dev: bash and dash rely on /dev/fd.
  for (const [name, target] of DEV_LINKS) {
    const l = ramDirOps.create!(k, dev, name, S_IFLNK | 0o777);
    if (typeof l === 'number') throw new Error(`BUG: symlink ${name}`);
    l.target = target;
  }
  attachMount(k, mkdirIn(k, root, 'dev'), dev, 'udev', '/dev');

  const tmpSb = newSuper(k, 'tmpfs', k.config.fsQuota);
  const tmp = newInode(k, tmpSb, S_IFDIR | 0o1777);
  makeDir(tmp, null);
  attachMount(k, mkdirIn(k, root, 'tmp', 0o1777), tmp, 'tmpfs', '/tmp');
}
