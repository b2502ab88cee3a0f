// /dev per profile. devtmpfs arrived in 2.6.32 (drivers/base/devtmpfs.c), so 2.6.20's
// /proc/filesystems has no such type; udev's init script (Debian etch, Ubuntu feisty) mounted a
// tmpfs: "mount -n -o size=10M,mode=0755 -t tmpfs udev /dev". 2.6.20's shmem_ops has no
// show_options, so show_vfsmnt() prints only "rw" (no size/mode), and no relatime (2.6.20 has
// MNT_RELATIME but nobody asked for it). 6.6 keeps Debian's udev devtmpfs mount.
import { describe, expect, it } from 'vitest';
import { sh } from './procfs-format-helpers.ts';

describe('/dev', () => {
  it('2.6.20: udev\'s tmpfs, "udev /dev tmpfs rw 0 0", and no devtmpfs type', () => {
    const r = sh('2.6.20', 'grep " /dev " /proc/mounts; grep -c devtmpfs /proc/filesystems');
    expect(r.stdout).toBe('udev /dev tmpfs rw 0 0\n0\n');
  });
  it('2.6.20: mounting devtmpfs is ENODEV (after request_module("devtmpfs") finds nothing)', () => {
    const r = sh('2.6.20', 'mkdir -p /mnt; mount -t devtmpfs none /mnt; echo "status $?"');
    expect(r.stderr.split('\n')[0]).toBe("mount: /mnt: unknown filesystem type 'devtmpfs'.");
    expect(r.stdout).toBe('status 32\n');
  });
  it('2.6.20: the tmpfs holds size=10M: df shows 10240 1K-blocks', () => {
    expect(sh('2.6.20', 'df /dev').stdout).toMatch(/\nudev +10240 +0 +10240 +0% \/dev\n$/);
  });
  it('6.6: devtmpfs is listed and mounted on /dev', () => {
    const r = sh('6.6', 'grep " /dev " /proc/mounts; grep -c devtmpfs /proc/filesystems');
    expect(r.stdout).toBe('udev /dev devtmpfs rw,nosuid,relatime,size=10240k,mode=755,inode64 0 0\n1\n');
  });
});
