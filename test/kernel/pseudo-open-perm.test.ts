// Pseudo files refuse at open(), not at write(), where Linux does: the shell then reports
// "cannot create" rather than a write error.
// 6.6 fs/proc/proc_sysctl.c proc_sys_permission() -> test_perm(): root is held to the owner bits
// ("sysctl entries that are not writeable, are _NOT_ writeable, capabilities or not"): EACCES.
// 2.6.20 kernel/sysctl.c proc_opensys(): opening for write without S_IWUSR is EPERM.
// 2.6.20 fs/sysfs/file.c check_perm() / 6.6 fs/kernfs/file.c kernfs_fop_open(): writing needs
// S_IWUGO and a store, reading S_IRUGO and a show; EACCES otherwise.
// Files whose open succeeds keep failing at write: /proc/uptime's pde_write() is EIO.
import { describe, expect, it } from 'vitest';
import { PROFILES, sh } from './procfs-format-helpers.ts';

describe('open-time permission of /proc/sys', () => {
  it('6.6: root opening a 0444 sysctl for writing is EACCES at open: dash says "cannot create"', () => {
    const r = sh('6.6', 'echo x > /proc/sys/kernel/ostype; echo "status $?"; cat /proc/sys/kernel/ostype');
    expect(r.stderr).toBe('sh: 1: cannot create /proc/sys/kernel/ostype: Permission denied\n');
    expect(r.stdout).toBe('status 2\nLinux\n');
  });
  it('2.6.20: proc_opensys() refuses the open with EPERM', () => {
    const r = sh('2.6.20', 'echo x > /proc/sys/kernel/osrelease; echo "status $?"');
    expect(r.stderr).toBe('sh: 1: cannot create /proc/sys/kernel/osrelease: Operation not permitted\n');
    expect(r.stdout).toBe('status 2\n');
  });
  it.each(PROFILES)('%s: a read-only open of a 0444 sysctl is allowed; a user writing a 0644 one is EACCES (DAC)', (profile) => {
    const r = sh(profile, 'cat /proc/sys/kernel/ostype < /proc/sys/kernel/ostype; asuser /bin/sh -c "echo h > /proc/sys/kernel/hostname"');
    expect(r.stdout).toBe('Linux\n');
    expect(r.stderr).toBe('/bin/sh: 1: cannot create /proc/sys/kernel/hostname: Permission denied\n');
  });
  it('6.6: root writes a 0644 sysctl through the open check', () => {
    expect(sh('6.6', 'echo box > /proc/sys/kernel/hostname; cat /proc/sys/kernel/hostname').stdout).toBe('box\n');
  });
});

describe('open-time permission of sysfs attributes', () => {
  it.each(PROFILES)('%s: opening a 0444 attribute for writing is EACCES, root included', (profile) => {
    const r = sh(profile, 'modprobe loop; echo 1 > /sys/module/loop/refcnt; echo "status $?"');
    expect(r.stderr).toBe('sh: 1: cannot create /sys/module/loop/refcnt: Permission denied\n');
    expect(r.stdout).toBe('status 2\n');
  });
  it('6.6: a store-only attribute (uevent, 0200) cannot be opened for reading', () => {
    const r = sh('6.6', 'modprobe loop; cat /sys/module/loop/uevent; echo add > /sys/module/loop/uevent; echo "status $?"');
    expect(r.stderr).toBe('cat: /sys/module/loop/uevent: Permission denied\n');
    expect(r.stdout).toBe('status 0\n');
  });
});

describe('pseudo files that open and then refuse the write', () => {
  it.each(PROFILES)('%s: /proc/uptime opens for root and its write fails (EIO)', (profile) => {
    const r = sh(profile, '/bin/echo x > /proc/uptime');
    expect(r.stderr).toBe('/bin/echo: write error: Input/output error\n');
  });
});
