import { describe, expect, it } from 'vitest';
import { Machine } from './machine.ts';
import { applyChanges, changedPaths, snapshotFs, userChanges } from './host_fs.ts';
import { hostChmod, hostList, hostMkdir, hostRead, hostRemove, hostRename, hostWrite, letIdleTimePass, isIdle } from './host_api.ts';
import { kSymlink } from '../kernel/vfs_api.ts';

const boot = (): Machine => new Machine({ interactive: false }).boot();

describe('snapshots of the machine\'s files', () => {
  it('see writes, removals, renames and mode changes, and nothing else', () => {
    const m = boot();
    const a = snapshotFs(m);
    expect(changedPaths(a, snapshotFs(m))).toEqual([]);
    hostWrite(m, '/root/new.sh', '#!/bin/sh\n', 0o644);
    hostChmod(m, '/etc/motd', 0o600);
    hostRemove(m, '/root/README');
    hostWrite(m, '/tmp/scratch', 'x');
    expect(changedPaths(a, snapshotFs(m)).sort()).toEqual(['/etc/motd', '/root/README', '/root/new.sh', '/tmp/scratch']);
  });

  it('leave out /proc, /sys and /dev', () => {
    const snap = snapshotFs(boot());
    expect(snap.has('/proc')).toBe(true);
    expect([...snap.keys()].some((p) => /^\/(proc|sys|dev)\//.test(p))).toBe(false);
  });
});

describe('user changes against the default system', () => {
  it('are empty for a fresh machine and survive a round trip into a new one', () => {
    const base = snapshotFs(boot());
    const m = boot();
    expect(userChanges(m, base)).toEqual({ files: {}, links: {}, dirs: {}, deleted: [] });
    hostWrite(m, '/root/hello', 'hi\n', 0o755);
    hostWrite(m, '/etc/modprobe.d/local.conf', 'alias foo bar\n');
    hostMkdir(m, '/opt/empty');
    hostRemove(m, '/lib/modules/2.6.20-khelper/kernel/drivers/block');
    hostRename(m, '/etc/motd', '/etc/motd.old');
    kSymlink(m.k, '/root/hello', '/usr/local/bin/hello');
    const c = userChanges(m, base);
    expect(Object.keys(c.files).sort()).toEqual(['/etc/modprobe.d/local.conf', '/etc/motd.old', '/root/hello']);
    expect(c.files['/root/hello']).toEqual({ content: 'hi\n', mode: 0o755 });
    expect(c.dirs).toEqual({ '/opt': 0o755, '/opt/empty': 0o755, '/usr/local': 0o755, '/usr/local/bin': 0o755 });
    expect(c.links).toEqual({ '/usr/local/bin/hello': '/root/hello' });
    // A removed directory is one entry, not one per file in it.
    expect(c.deleted).toEqual(['/etc/motd', '/lib/modules/2.6.20-khelper/kernel/drivers/block']);

    const again = new Machine({ interactive: false });
    expect(applyChanges(again, c)).toEqual([]);
    again.boot();
    expect(userChanges(again, base)).toEqual(c);
  });
});

describe('host file operations', () => {
  it('classify native programs, text and errors like an editor needs', () => {
    const m = boot();
    expect(hostRead(m, '/sbin/modprobe')).toMatchObject({ kind: 'native', program: 'modprobe', mode: 0o755 });
    expect(hostRead(m, '/etc/motd')).toMatchObject({ kind: 'text', mode: 0o644 });
    expect(hostRead(m, '/nonexistent')).toBe(-2);
    expect(hostRead(m, '/etc')).toBe(-21);
    const r = hostRead(m, '/proc/sys/kernel/modprobe');
    expect(r).toMatchObject({ kind: 'text', bytes: '/sbin/modprobe\n' });
  });

  it('write /proc/sys like echo would, and keep a file\'s mode unless told', () => {
    const m = boot();
    expect(hostWrite(m, '/proc/sys/kernel/modprobe', '/root/x\n')).toBe(0);
    expect(m.k.kmod.modprobePath).toBe('/root/x');
    hostWrite(m, '/root/s', 'a', 0o755);
    hostWrite(m, '/root/s', 'b');
    expect(hostRead(m, '/root/s')).toMatchObject({ bytes: 'b', mode: 0o755 });
  });

  it('list directories first, then files, by name', () => {
    const m = boot();
    hostMkdir(m, '/root/zdir');
    const names = (hostList(m, '/root') as { name: string }[]).map((e) => e.name);
    expect(names[0]).toBe('zdir');
    expect(names.slice(1)).toEqual([...names.slice(1)].sort());
  });
});

describe('idle time', () => {
  it('passes only when nothing is runnable and no timer is armed', () => {
    const m = boot();
    expect(isIdle(m)).toBe(true);
    const t = m.now;
    letIdleTimePass(m, t + 5e9);
    expect(m.now).toBe(t + 5e9);
    m.k.sched.addTimer(1e9, () => undefined);
    letIdleTimePass(m, m.now + 5e9);
    expect(m.now).toBe(t + 5e9);
  });
});
