// /proc's system-wide files against 2.6.20 fs/proc/proc_misc.c and 6.6 fs/proc/{meminfo,uptime,
// loadavg,version,cmdline}.c, fs/filesystems.c, fs/char_dev.c, fs/namespace.c/proc_namespace.c.
import { describe, expect, it } from 'vitest';
import { PROFILES, sh } from './procfs-format-helpers.ts';

const names = (text: string): string[] => text.split('\n').filter(Boolean).map((l) => l.slice(0, l.indexOf(':')));

describe('/proc/meminfo', () => {
  it('2.6.20 meminfo_read_proc(): "%-13s %8lu kB" rows (x86_64: no High/Low rows), then hugetlb_report_meminfo()', () => {
    const r = sh('2.6.20', 'cat /proc/meminfo');
    expect(names(r.stdout)).toEqual(['MemTotal', 'MemFree', 'Buffers', 'Cached', 'SwapCached', 'Active', 'Inactive', 'SwapTotal', 'SwapFree',
      'Dirty', 'Writeback', 'AnonPages', 'Mapped', 'Slab', 'SReclaimable', 'SUnreclaim', 'PageTables', 'NFS_Unstable', 'Bounce',
      'CommitLimit', 'Committed_AS', 'VmallocTotal', 'VmallocUsed', 'VmallocChunk', 'HugePages_Total', 'HugePages_Free',
      'HugePages_Rsvd', 'Hugepagesize']);
    expect(r.stdout).toMatch(/^MemTotal: {7}131072 kB\nMemFree: {9}98304 kB\n/);
    expect(r.stdout).toMatch(/\nHugePages_Total: {5}0\nHugePages_Free: {6}0\nHugePages_Rsvd: {6}0\nHugepagesize: {5}2048 kB\n$/);
  });

  it('6.6 meminfo_proc_show(): show_val_kb() rows padded to 16 columns, HardwareCorrupted "%5lu", hugetlb and DirectMap last', () => {
    const r = sh('6.6', 'cat /proc/meminfo');
    const n = names(r.stdout);
    expect(n.slice(0, 3)).toEqual(['MemTotal', 'MemFree', 'MemAvailable']);
    expect(n.slice(-8)).toEqual(['HugePages_Total', 'HugePages_Free', 'HugePages_Rsvd', 'HugePages_Surp', 'Hugepagesize', 'Hugetlb',
      'DirectMap4k', 'DirectMap2M']);
    expect(n).toContain('Zswapped');
    expect(n).not.toContain('HighTotal');
    for (const l of r.stdout.split('\n').filter((x) => /kB$/.test(x) && !/^(HardwareCorrupted|Hugepagesize|Hugetlb):/.test(x))) {
      expect(l).toMatch(/^.{16} *\d+ kB$/);
      expect(l.length).toBeGreaterThanOrEqual(27);
    }
    expect(r.stdout).toContain('\nHardwareCorrupted:     0 kB\n');
    expect(r.stdout).toContain('\nVmallocTotal:   34359738367 kB\n');
    expect(r.stdout).toMatch(/\nHugePages_Total: {7}0\n[^]*\nHugepagesize: {7}2048 kB\nHugetlb: {15}0 kB\n/);
  });
});

describe('other /proc files', () => {
  it.each(PROFILES)('%s uptime_proc_show(): seconds and hundredths, truncated, twice (idle stands in as the uptime)', (profile) => {
    const r = sh(profile, 'sleep 1.2345; cat /proc/uptime');
    const m = /^(\d+)\.(\d\d) \1\.\2\n$/.exec(r.stdout)!;
    expect(m).not.toBeNull();
    const shown = Number(m[1]) * 100 + Number(m[2]);
    const end = Math.floor(r.machine.now / 1e7);
    expect(shown).toBeLessThanOrEqual(end);
    expect(shown).toBeGreaterThanOrEqual(end - 1);
  });

  it.each(PROFILES)('%s loadavg: three loads, running/threads, the last pid', (profile) => {
    const r = sh(profile, 'cat /proc/loadavg; echo $$');
    const [line, shpid] = r.stdout.split('\n');
    const m = /^0\.00 0\.00 0\.00 (\d+)\/(\d+) (\d+)$/.exec(line)!;
    expect(m).not.toBeNull();
    expect(Number(m[3])).toBeGreaterThan(Number(shpid));
    expect(Number(m[2])).toBeGreaterThan(5);
  });

  it.each(PROFILES)('%s filesystems: "%%s\\t%%s\\n" with nodev unless FS_REQUIRES_DEV', (profile) => {
    const r = sh(profile, 'cat /proc/filesystems');
    expect(r.stdout).toContain('nodev\tproc\n');
    expect(r.stdout).toMatch(/\n\text2\n/);
  });

  it.each(PROFILES)('%s devices: "%%3d %%s" per major, then an empty line and the block header', (profile) => {
    const r = sh(profile, 'cat /proc/devices');
    expect(r.stdout).toMatch(/^Character devices:\n {2}1 mem\n {2}4 tty\n[^]*\n\nBlock devices:\n$/);
  });

  it('mounts: 2.6.20 shows relatime only when asked; 6.6 sets it by default and tmpfs shows inode64', () => {
    expect(sh('2.6.20', 'cat /proc/mounts').stdout).toContain('\nproc /proc proc rw,nosuid,nodev,noexec 0 0\n');
    const m = sh('6.6', 'cat /proc/mounts').stdout;
    expect(m).toContain('\nproc /proc proc rw,nosuid,nodev,noexec,relatime 0 0\n');
    expect(m).toMatch(/\ntmpfs \/tmp tmpfs rw,nosuid,nodev,relatime,inode64 0 0\n/);
  });

  it.each(PROFILES)('%s: /proc/self is a link to the reader\'s pid; a missing pid is ENOENT; a directory is EISDIR', (profile) => {
    const r = sh(profile, 'readlink /proc/self; echo $$; cat /proc/99999/status; cat /proc/1');
    const [a] = r.stdout.split('\n');
    expect(Number(a)).toBeGreaterThan(0);
    expect(r.stderr).toBe('cat: /proc/99999/status: No such file or directory\ncat: /proc/1: Is a directory\n');
  });

  it.each(PROFILES)('%s version and cmdline end in one newline (linux_proc_banner, "%%s\\n")', (profile) => {
    const r = sh(profile, 'cat /proc/version /proc/cmdline');
    expect(r.stdout).toMatch(/^Linux version \S+ \(khelper@khelper\) \(.+\) #1 SMP khelper\nBOOT_IMAGE=\S+ root=\/dev\/ram0 ro quiet\n$/);
  });
});

describe('writing what cannot be written', () => {
  it('6.6 pde_write(): EIO for proc_create() entries; vfs_write(): EINVAL for /proc/PID files without .write', () => {
    const r = sh('6.6', '/bin/echo x > /proc/version; /bin/echo x > /proc/modules; /bin/echo x > /proc/self/status');
    expect(r.stderr).toBe('/bin/echo: write error: Input/output error\n'.repeat(2) + '/bin/echo: write error: Invalid argument\n');
  });

  it('2.6.20: proc_file_write() EIO for read_proc entries, EINVAL for the seq entries devices and modules', () => {
    const r = sh('2.6.20', '/bin/echo x > /proc/uptime; /bin/echo x > /proc/devices; /bin/echo x > /proc/modules');
    expect(r.stderr).toBe('/bin/echo: write error: Input/output error\n' + '/bin/echo: write error: Invalid argument\n'.repeat(2));
  });

  it.each(PROFILES)('%s sysfs: an attribute without store refuses root too (kernfs_fop_open(): EACCES)', (profile) => {
    const r = sh(profile, 'modprobe ptp; /bin/echo x > /sys/module/ptp/initstate; cat /sys/module/ptp/initstate');
    // Linux fails the open itself; khelper's pseudo files have no open hook, so the write fails.
    expect(r.stderr).toMatch(/: Permission denied\n$/);
    expect(r.stdout).toBe('live\n');
  });
});
