// statfs(2) (fs/statfs.c): the magic of the filesystem holding the path, tmpfs counts from the
// size= quota (shmem_statfs), zeros for proc/sysfs (simple_statfs), -errno from the lookup.
import { describe, expect, it } from 'vitest';
import { ENOENT, ENOTDIR } from '../../src/uapi/errno.ts';
import { O_CREAT, O_WRONLY } from '../../src/uapi/fcntl.ts';
import { PROC_SUPER_MAGIC, RAMFS_MAGIC, ST_NODEV, ST_NOEXEC, ST_NOSUID, ST_VALID, SYSFS_MAGIC, TMPFS_MAGIC } from '../../src/uapi/statfs.ts';
import type { Statfs } from '../../src/uapi/statfs.ts';
import { nativeImage } from '../../src/uapi/syscalls.ts';
import type { UserGen } from '../../src/uapi/syscalls.ts';
import { close, open, statfs, write } from '../../src/userland/lib/sys.ts';
import { Machine } from '../../src/init/machine.ts';
import { startProcess } from '../../src/init/run.ts';
import { runUntil } from '../reliability/harness.ts';

function* probe(): UserGen {
  const out: unknown[] = [];
  for (const p of ['/', '/proc', '/sys', '/tmp', '/dev/null', '/nonexistent', '/dev/null/x']) out.push(yield* statfs(p));
  const fd = yield* open('/tmp/f', O_CREAT | O_WRONLY);
  yield* write(fd, 'x'.repeat(3 * 4096 + 1));
  yield* close(fd);
  out.push(yield* statfs('/tmp/f'));
  yield* write(1, JSON.stringify(out));
  return 0;
}

function run(profile: '2.6.20' | '6.6'): (Statfs | number)[] {
  const m = new Machine({ config: { profile }, programs: { probe }, files: { '/bin/probe': { content: nativeImage('probe'), mode: 0o755 } } }).boot();
  const r = startProcess(m.k, { path: '/bin/probe', argv: ['probe'] });
  expect(runUntil(m, () => r.finished, 1000)).toBe(true);
  return JSON.parse(r.stdout.data) as (Statfs | number)[];
}

describe('statfs(2)', () => {
  const [root, proc, sys, tmp, devnull, missing, notdir, after] = run('6.6') as Statfs[];

  it('reports each mount\'s magic: tmpfs for / and /tmp and /dev, proc, sysfs', () => {
    expect([root.type, proc.type, sys.type, tmp.type, devnull.type]).toEqual([TMPFS_MAGIC, PROC_SUPER_MAGIC, SYSFS_MAGIC, TMPFS_MAGIC, TMPFS_MAGIC]);
    expect(root.bsize).toBe(4096);
    expect(root.frsize).toBe(4096);
    expect(root.namelen).toBe(255);
    // /dev is udev's devtmpfs, size=10240k as /proc/mounts says.
    expect(devnull.blocks).toBe(2560);
  });

  it('proc and sysfs have no blocks and no inodes (simple_statfs)', () => {
    expect([proc.blocks, proc.bfree, proc.bavail, proc.files, proc.ffree]).toEqual([0, 0, 0, 0, 0]);
    expect([sys.blocks, sys.files]).toEqual([0, 0]);
  });

  it('tmpfs blocks come from the quota; bfree = bavail; the root file system has inodes in use', () => {
    expect(tmp.blocks).toBeGreaterThan(0);
    expect(tmp.bfree).toBe(tmp.bavail);
    expect(root.blocks).toBeGreaterThan(root.bfree);
    expect(root.files - root.ffree).toBeGreaterThan(10);
  });

  it('writing 3 pages and a byte to /tmp takes 4 blocks and one inode', () => {
    expect(after.blocks).toBe(tmp.blocks);
    expect(tmp.bfree - after.bfree).toBe(4);
    expect(tmp.ffree - after.ffree).toBe(1);
  });

  it('f_flags carries the mount flags with ST_VALID', () => {
    expect(proc.flags & (ST_NOSUID | ST_NODEV | ST_NOEXEC | ST_VALID)).toBe(ST_NOSUID | ST_NODEV | ST_NOEXEC | ST_VALID);
    expect(tmp.flags & (ST_NOSUID | ST_NODEV)).toBe(ST_NOSUID | ST_NODEV);
    expect(root.flags & ST_NOSUID).toBe(0);
  });

  it('a missing path is -ENOENT, a path through a file -ENOTDIR', () => {
    expect(missing).toBe(-ENOENT);
    expect(notdir).toBe(-ENOTDIR);
  });

  it('on 2.6.20 rootfs is ramfs: RAMFS_MAGIC with every count 0, and no f_flags yet', () => {
    const [oldRoot, , , oldTmp] = run('2.6.20') as Statfs[];
    expect(oldRoot.type).toBe(RAMFS_MAGIC);
    expect([oldRoot.blocks, oldRoot.files, oldRoot.flags]).toEqual([0, 0, 0]);
    expect(oldTmp.blocks).toBeGreaterThan(0);
  });
});
