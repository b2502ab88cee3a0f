// /proc/sys/kernel against kernel/sysctl.c (2.6.20 do_rw_proc()/__do_proc_dointvec(), 6.6
// proc_sys_permission()/__do_proc_dointvec()/proc_get_long()).
import { describe, expect, it } from 'vitest';
import { PROFILES, sh } from './procfs-format-helpers.ts';

describe('/proc/sys/kernel', () => {
  it('2.6.20 proc_opensys() (proc_sys_file_operations.open): root opening a 0444 entry for writing is EPERM', () => {
    const r = sh('2.6.20', '/bin/echo x > /proc/sys/kernel/ostype; cat /proc/sys/kernel/ostype');
    expect(r.stderr).toBe('sh: 1: cannot create /proc/sys/kernel/ostype: Operation not permitted\n');
    expect(r.stdout).toBe('Linux\n');
  });

  it('6.6 proc_sys_permission(): a read-only entry is not writable even by root (EACCES)', () => {
    const r = sh('6.6', '/bin/echo x > /proc/sys/kernel/osrelease; cat /proc/sys/kernel/osrelease');
    expect(r.stderr).toMatch(/Permission denied\n$/);
    expect(r.stdout).toBe('6.6.0-khelper\n');
  });

  it.each(PROFILES)('%s: a user cannot write a 0644 entry owned by root (EACCES at open)', (profile) => {
    const r = sh(profile, 'asuser /bin/sh -c "echo /bin/x > /proc/sys/kernel/modprobe"; cat /proc/sys/kernel/modprobe');
    expect(r.stderr).toContain('Permission denied');
    expect(r.stdout).toBe('/sbin/modprobe\n');
  });

  it.each(PROFILES)('%s proc_dointvec: a vector is read tab-separated; a write stores the leading values it can parse', (profile) => {
    const r = sh(profile, 'echo "3 4" > /proc/sys/kernel/printk; cat /proc/sys/kernel/printk; echo 0x6 > /proc/sys/kernel/printk; cat /proc/sys/kernel/printk');
    expect(r.stdout).toBe('3\t4\t1\t7\n6\t4\t1\t7\n');
  });

  it('2.6.20 __do_proc_dointvec(): a bad word after good ones is a short write, then the rest fails alone', () => {
    const r = sh('2.6.20', '/bin/echo "2 x" > /proc/sys/kernel/printk; echo $?; cat /proc/sys/kernel/printk');
    expect(r.stdout).toBe('1\n2\t4\t1\t7\n');
  });

  it('6.6 __do_proc_dointvec(): an error after stored values is still the error; junk after a number is EINVAL', () => {
    const r = sh('6.6', '/bin/echo "2 x" > /proc/sys/kernel/printk; cat /proc/sys/kernel/printk; /bin/echo 5x > /proc/sys/kernel/printk; cat /proc/sys/kernel/printk');
    expect(r.stdout).toBe('2\t4\t1\t7\n2\t4\t1\t7\n');
    expect(r.stderr).toBe('/bin/echo: write error: Invalid argument\n/bin/echo: write error: Invalid argument\n');
  });

  it('6.6 do_proc_dointvec_conv(): a value past INT_MAX is EINVAL; 2.6.20 stores it truncated to an int', () => {
    const s = 'echo 99999999999 > /proc/sys/kernel/threads-max; cat /proc/sys/kernel/threads-max';
    expect(sh('6.6', s).stdout).toBe('2048\n');
    expect(sh('2.6.20', s).stdout).toBe(`${99999999999 | 0}\n`);
  });

  it('6.6 SYSCTL_WRITES_STRICT: five numbers for the four printk slots store four; the rest, at offset 8, is ignored', () => {
    const r = sh('6.6', 'echo "1 2 3 4 5" > /proc/sys/kernel/printk; echo $?; cat /proc/sys/kernel/printk');
    expect(r.stdout).toBe('0\n1\t2\t3\t4\n');
  });

  it.each(PROFILES)('%s proc_dointvec_minmax(): pid_max below RESERVED_PIDS+1 is EINVAL', (profile) => {
    const r = sh(profile, '/bin/echo 300 > /proc/sys/kernel/pid_max; echo 301 > /proc/sys/kernel/pid_max; cat /proc/sys/kernel/pid_max');
    expect(r.stderr).toBe('/bin/echo: write error: Invalid argument\n');
    expect(r.stdout).toBe('301\n');
  });

  it('6.6 proc_dointvec_minmax_sysadmin(): kptr_restrict needs CAP_SYS_ADMIN to write', () => {
    const r = sh('6.6', 'capsh --drop=cap_sys_admin -- -c "/bin/echo 1 > /proc/sys/kernel/kptr_restrict"; cat /proc/sys/kernel/kptr_restrict');
    expect(r.stderr).toBe('/bin/echo: write error: Operation not permitted\n');
    expect(r.stdout).toBe('0\n');
  });
});

describe('/sys/kernel/uevent_helper', () => {
  it.each(PROFILES)('%s uevent_helper_store(): one trailing newline dropped, others kept; 255 bytes + 1 is ENOENT', (profile) => {
    const r = sh(profile, `printf "/a\\\\nb\\\\n" > /sys/kernel/uevent_helper; od -c /sys/kernel/uevent_helper | head -1; /bin/echo ${'x'.repeat(255)} > /sys/kernel/uevent_helper; cat /proc/sys/kernel/hotplug`);
    expect(r.stdout).toBe('0000000   /   a  \\n   b  \\n\n/a\nb\n');
    expect(r.stderr).toBe('/bin/echo: write error: No such file or directory\n');
  });
});

describe('proc_dostring', () => {
  it('6.6 SYSCTL_WRITES_STRICT: a second write on the same open file continues at its offset', () => {
    const r = sh('6.6', 'exec 3>/proc/sys/kernel/core_pattern; printf abc >&3; printf def >&3; exec 3>&-; cat /proc/sys/kernel/core_pattern');
    expect(r.stdout).toBe('abcdef\n');
  });

  it('2.6.20 proc_dostring(): every write starts from the beginning of the string', () => {
    const r = sh('2.6.20', 'exec 3>/proc/sys/kernel/core_pattern; printf abc >&3; printf de >&3; exec 3>&-; cat /proc/sys/kernel/core_pattern');
    expect(r.stdout).toBe('de\n');
  });

  it.each(PROFILES)('%s: a write stops at the first newline and keeps maxlen-1 bytes (core_pattern: 127)', (profile) => {
    const r = sh(profile, `printf "a\\nb" > /proc/sys/kernel/core_pattern; cat /proc/sys/kernel/core_pattern; echo ${'y'.repeat(200)} > /proc/sys/kernel/core_pattern; wc -c < /proc/sys/kernel/core_pattern`);
    expect(r.stdout).toBe('a\n128\n');
  });
});
