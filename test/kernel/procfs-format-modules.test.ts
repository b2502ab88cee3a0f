// /proc/modules (m_show() + print_unload_info()) and /sys/module/NAME (kernel/module.c 2.6.20,
// kernel/module/{sysfs,main}.c 6.6, kernel/params.c) as the two kernels lay them out.
import { describe, expect, it } from 'vitest';
import { PROFILES, sh } from './procfs-format-helpers.ts';
import { Machine } from '../../src/init/machine.ts';
import { runSh } from '../../src/init/testing.ts';

const LINE = /^[a-z_0-9]+ \d+ \d+ (-|([a-z_0-9]+,)+) (Live|Loading|Unloading) 0x[0-9a-f]{16}$/;

describe('/proc/modules', () => {
  it.each(PROFILES)('%s m_show(): name size refcnt users, state and the 0x-prefixed pointer, newest module first, mode 0444', (profile) => {
    const r = sh(profile, 'modprobe e1000e; cat /proc/modules; ls -l /proc/modules');
    const lines = r.stdout.split('\n');
    expect(lines.slice(0, 3).map((l) => l.split(' ')[0])).toEqual(['e1000e', 'ptp', 'pps_core']);
    for (const l of lines.slice(0, 3)) expect(l).toMatch(LINE);
    expect(lines[1]).toMatch(/^ptp \d+ 1 e1000e, Live 0xffffffffa/);
    expect(lines[3]).toMatch(/^-r--r--r-- 1 root root 0 /);
  });

  it.each(PROFILES)('%s print_unload_info(): the newest user first (list_add on source_list / modules_which_use_me)', (profile) => {
    const r = sh(profile, 'modprobe ptp; printf "depends=ptp\\n" > /tmp/a.ko; printf "depends=ptp\\n" > /tmp/b.ko; insmod /tmp/a.ko; insmod /tmp/b.ko; grep "^ptp " /proc/modules');
    expect(r.stdout).toMatch(/^ptp \d+ 2 b,a, Live 0x/);
  });

  it('6.6 modules_open(): a reader without CAP_SYSLOG gets the address as %px of NULL', () => {
    const r = sh('6.6', 'modprobe ptp; asuser /bin/sh -c "cat /proc/modules"');
    expect(r.stdout).toMatch(/^ptp \d+ 0 - Live 0x0000000000000000\npps_core \d+ 1 ptp, Live 0x0000000000000000\n$/);
  });

  it('2.6.20 m_show(): every reader sees the address ("0x%p", no kallsyms_show_value())', () => {
    const r = sh('2.6.20', 'modprobe ptp; asuser /bin/sh -c "cat /proc/modules"');
    expect(r.stdout).toMatch(/^ptp \d+ 0 - Live 0xffffffffa[0-9a-f]{7}\n/);
  });
});

describe('/sys/module/NAME', () => {
  it('2.6.20 mod_sysfs_setup(): initstate, refcnt, sections/, parameters/ (no coresize, uevent); holders/ kept for kmod', () => {
    const r = sh('2.6.20', 'modprobe e1000e; ls /sys/module/ptp /sys/module/e1000e; ls -l /sys/module/ptp/sections/.text; ls /sys/module/pps_core/holders');
    expect(r.stdout).toMatch(/^\/sys\/module\/e1000e:\nholders\ninitstate\nparameters\nrefcnt\nsections\n\n\/sys\/module\/ptp:\nholders\ninitstate\nrefcnt\nsections\n/);
    expect(r.stdout).toMatch(/-r--r--r-- 1 root root 4096 .* \/sys\/module\/ptp\/sections\/.text\nptp\n$/);
  });

  it('6.6 modinfo_attrs[]: uevent, initstate, coresize, initsize, taint, refcnt, holders/; sections are 0400', () => {
    const r = sh('6.6', 'modprobe e1000e; ls /sys/module/ptp; ls /sys/module/pps_core/holders; ls -l /sys/module/ptp/sections/.text /sys/module/ptp/uevent; cat /sys/module/ptp/taint /sys/module/ptp/initsize');
    expect(r.stdout).toMatch(/^coresize\nholders\ninitsize\ninitstate\nrefcnt\nsections\ntaint\nuevent\nptp\n/);
    expect(r.stdout).toMatch(/-r-------- 1 root root +19 .* \/sys\/module\/ptp\/sections\/.text\n--w------- 1 root root 4096 .*uevent\n\n0\n$/);
  });

  it.each(PROFILES)('%s show_initstate()/show_refcnt(): "live\\n" and the count', (profile) => {
    const r = sh(profile, 'modprobe e1000e; cat /sys/module/ptp/initstate /sys/module/ptp/refcnt /sys/module/e1000e/refcnt');
    expect(r.stdout).toBe('live\n1\n0\n');
  });

  it('2.6.20 module_sect_show(): "0x%lx\\n" for every reader; 6.6: "0x%px\\n" of NULL without CAP_SYSLOG', () => {
    expect(sh('2.6.20', 'modprobe ptp; asuser /bin/cat /sys/module/ptp/sections/.text').stdout).toMatch(/^0xffffffffa[0-9a-f]{7}\n$/);
    expect(sh('6.6', 'modprobe ptp; cat /sys/module/ptp/sections/.text').stdout).toMatch(/^0xffffffffa[0-9a-f]{7}\n$/);
    // The file is 0400: the user needs DAC first; root without CAP_SYSLOG is what 6.6 hides from.
    expect(sh('6.6', 'modprobe ptp; capsh --drop=cap_syslog -- -c "cat /sys/module/ptp/sections/.text"').stdout).toBe('0x0000000000000000\n');
  });

  it('a module without parameters has no parameters/ directory (module_param_sysfs_setup())', () => {
    const r = sh('6.6', 'modprobe ptp; ls /sys/module/ptp/parameters');
    expect(r.stderr).toContain('No such file or directory');
  });

  it('param_get_int()/param_set_int(): "%i"; 6.6 kstrtoint() refuses trailing junk, 2.6.20 simple_strtol() takes the leading number', () => {
    const s = 'modprobe e1000e debug=3; cat /sys/module/e1000e/parameters/debug; /bin/echo 7x > /sys/module/e1000e/parameters/debug; cat /sys/module/e1000e/parameters/debug; echo 0x10 > /sys/module/e1000e/parameters/debug; cat /sys/module/e1000e/parameters/debug';
    const m = sh('6.6', s);
    expect(m.stdout).toBe('3\n3\n16\n');
    expect(m.stderr).toBe('/bin/echo: write error: Invalid argument\n');
    expect(sh('2.6.20', s).stdout).toBe('3\n7\n16\n');
  });
});

describe('sizes stat() reports', () => {
  it.each(PROFILES)('%s: sysfs attributes are PAGE_SIZE; sysfs and procfs directories and proc files 0', (profile) => {
    const r = sh(profile, 'modprobe ptp; stat -c "%s %n" /sys/module/ptp/initstate /sys/module/ptp /proc/1 /proc/self/status /proc/modules');
    expect(r.stdout).toBe('4096 /sys/module/ptp/initstate\n0 /sys/module/ptp\n0 /proc/1\n0 /proc/self/status\n0 /proc/modules\n');
  });

  it('proc links: fd links are 64 (proc_fd_instantiate), /proc/self 64 on 2.6.20 (proc_base_instantiate) and 0 on 6.6, cwd 0, /proc/mounts strlen("self/mounts")', () => {
    const s = 'stat -c %s /proc/self/fd/0 /proc/self /proc/self/cwd /proc/mounts';
    expect(sh('2.6.20', s).stdout).toBe('64\n64\n0\n11\n');
    expect(sh('6.6', s).stdout).toBe('64\n0\n0\n11\n');
  });

  it('6.6: a section file is a bin attribute of MODULE_SECT_READ_SIZE bytes; 2.6.20: a PAGE_SIZE attribute', () => {
    expect(sh('6.6', 'modprobe ptp; stat -c %s /sys/module/ptp/sections/.text').stdout).toBe('19\n');
    expect(sh('2.6.20', 'modprobe ptp; stat -c %s /sys/module/ptp/sections/.text').stdout).toBe('4096\n');
  });
});

describe('i386', () => {
  it.each(PROFILES)('%s: pointers are 8 hex digits in /proc/modules and sections; FDSize is BITS_PER_LONG = 32', (profile) => {
    const m = new Machine({ config: { profile, arch: 'i386' } }).boot();
    const r = runSh('modprobe ptp; cat /proc/modules /sys/module/ptp/sections/.text; grep FDSize /proc/self/status', { machine: m });
    expect(r.stdout).toMatch(/^ptp \d+ 0 - Live 0x[0-9a-f]{8}\npps_core \d+ 1 ptp, Live 0x[0-9a-f]{8}\n0x[0-9a-f]{8}\nFDSize:\t32\n$/);
  });
});
