// modprobe and friends inside the simulated machine: real syscalls, the real kernel's module
// loader, sysfs and /proc/modules.
import { describe, expect, it } from 'vitest';
import { boot, moddir, mountProbe, procModules, read, run, write } from './machine.ts';

const MP = '/sbin/modprobe';

describe('kmod tools in the machine', () => {
  it('fact 1 / fact 7: the kernel\'s request_module runs `modprobe -q -- fs-vfat`, which loads fat then vfat', () => {
    const m = boot({ programs: { mount: mountProbe } });
    expect(run(m, ['/sbin/depmod']).status).toBe(0);
    expect(run(m, ['/bin/mount', 'vfat']).stdout).toBe('mount vfat: 0\n');
    expect(procModules(m)).toEqual(['vfat', 'fat']);
  });

  it('fact 1: a missing module: modprobe -q is silent and exits 1, so the request fails', () => {
    const m = boot({ programs: { mount: mountProbe } });
    run(m, ['/sbin/depmod']);
    expect(run(m, [MP, '-q', '--', 'fs-nosuchfs'])).toEqual({ stdout: '', stderr: '', status: 1 });
    expect(run(m, ['/bin/mount', 'nosuchfs']).stdout).toBe('mount nosuchfs: -19\n');
    expect(procModules(m)).toEqual([]);
  });

  it('fact 5 / fact 4: a dependency chain loads deepest first, shown as insmod lines with trailing spaces', () => {
    const m = boot();
    run(m, ['/sbin/depmod']);
    const d = moddir(m);
    expect(run(m, [MP, '-v', 'e1000e'])).toEqual({
      status: 0, stderr: '',
      stdout: `insmod ${d}/kernel/drivers/pps/pps_core.ko \ninsmod ${d}/kernel/drivers/ptp/ptp.ko \ninsmod ${d}/kernel/drivers/net/ethernet/intel/e1000e/e1000e.ko \n`,
    });
    expect(procModules(m)).toEqual(['e1000e', 'ptp', 'pps_core']);
  });

  it('fact 19 / fact 20: lsmod prints what /proc/modules and sysfs say', () => {
    const m = boot();
    run(m, ['/sbin/depmod']);
    run(m, [MP, 'e1000e']);
    const proc = read(m, '/proc/modules') as string;
    expect(proc.split('\n')[1]).toMatch(/^ptp \d+ 1 e1000e, Live 0x[0-9a-f]+$/);
    expect(proc.split('\n')[0]).toMatch(/^e1000e \d+ 0 - Live 0x[0-9a-f]+$/);
    const ls = run(m, ['/sbin/lsmod']).stdout.split('\n');
    expect(ls[0]).toBe('Module                  Size  Used by');
    expect(ls[2]).toMatch(/^ptp {17} {0,8}\d+ {2}1 e1000e$/);
    expect(ls[3]).toMatch(/^pps_core {12}.{8} {2}1 ptp$/);
  });

  it('fact 6 / fact 2: an already loaded module is a silent success; --first-time is an error, exit 1', () => {
    const m = boot();
    run(m, ['/sbin/depmod']);
    run(m, [MP, 'loop']);
    expect(run(m, [MP, '-v', 'loop'])).toEqual({ stdout: '', stderr: '', status: 0 });
    expect(run(m, [MP, '--first-time', 'loop'])).toEqual({ stdout: '', stderr: "modprobe: ERROR: could not insert 'loop': Module already in kernel\n", status: 1 });
  });

  it('fact 17: modprobe -r removes the module and, in one deepest-first pass, the dependencies now unused', () => {
    const m = boot();
    run(m, ['/sbin/depmod']);
    run(m, [MP, 'e1000e']);
    expect(run(m, [MP, '-r', '-v', 'e1000e']).stdout).toBe('rmmod e1000e\nrmmod ptp\n');
    expect(procModules(m)).toEqual(['pps_core']);
    run(m, [MP, 'e1000e']);
    expect(run(m, [MP, '-r', 'ptp'])).toEqual({ stdout: '', stderr: 'modprobe: FATAL: Module ptp is in use.\n', status: 1 });
  });

  it('fact 18: rmmod messages come from sysfs state', () => {
    const m = boot();
    run(m, ['/sbin/depmod']);
    run(m, [MP, 'e1000e']);
    expect(run(m, ['/sbin/rmmod', 'ptp']).stderr).toBe('rmmod: ERROR: Module ptp is in use by: e1000e\n');
    expect(run(m, ['/sbin/rmmod', 'pps-core', 'dummy']).stderr).toBe(
      'rmmod: ERROR: Module pps_core is in use by: ptp\nrmmod: ERROR: Module dummy is not currently loaded\n',
    );
    expect(run(m, ['/sbin/rmmod', 'e1000e', 'ptp', 'pps_core'])).toEqual({ stdout: '', stderr: '', status: 0 });
    expect(procModules(m)).toEqual([]);
  });

  it('insmod: the kernel\'s errors in insmod\'s words', () => {
    const m = boot({ files: { '/root/bad.ko': '\x01\x02garbage', '/root/ok.ko': 'license=GPL\n' } });
    expect(run(m, ['/sbin/insmod', '/root/bad.ko']).stderr).toBe('insmod: ERROR: could not insert module /root/bad.ko: Invalid module format\n');
    expect(run(m, ['/sbin/insmod', 'ok.ko']).status).toBe(0);
    expect(run(m, ['/sbin/insmod', 'ok.ko']).stderr).toBe('insmod: ERROR: could not insert module ok.ko: File exists\n');
    expect(procModules(m)).toEqual(['ok']);
  });

  it('fact 11: options from modprobe.d and from the kernel command line reach the module', () => {
    const m = boot({ cmdline: 'quiet e1000e.debug=3', files: { '/etc/modprobe.d/e.conf': 'options e1000e debug=1\n' } });
    run(m, ['/sbin/depmod']);
    const d = moddir(m);
    expect(run(m, [MP, '-D', 'e1000e', 'debug=5']).stdout.split('\n')[2]).toBe(`insmod ${d}/kernel/drivers/net/ethernet/intel/e1000e/e1000e.ko debug=1 debug=3 debug=5`);
  });

  it('fact 10 / fact 22: a bad config line is reported with the libkmod prefix, even with -q', () => {
    const m = boot({ files: { '/etc/modprobe.d/bad.conf': 'frob x\n' } });
    run(m, ['/sbin/depmod']);
    expect(run(m, [MP, '-q', 'loop'])).toEqual({
      stdout: '', status: 0, stderr: "libkmod: ERROR: kmod_config_parse: /etc/modprobe.d/bad.conf line 1: ignoring bad line starting with 'frob'\n",
    });
  });

  it('fact 14: the default blacklist stops pcspkr through its alias, not by name', () => {
    const m = boot();
    run(m, ['/sbin/depmod']);
    expect(run(m, [MP, 'platform:pcspkr']).status).toBe(0);
    expect(procModules(m)).toEqual([]);
    run(m, [MP, 'pcspkr']);
    expect(procModules(m)).toEqual(['pcspkr']);
  });

  it('-s sends messages to syslog; with no syslog daemon glibc writes them to /dev/console', () => {
    const m = boot();
    run(m, ['/sbin/depmod']);
    m.takeConsole();
    expect(run(m, [MP, '-s', 'nosuch'])).toEqual({ stdout: '', stderr: '', status: 1 });
    // glibc writes "%s\r\n" and the message ends in \n; the console's ONLCR turns each \n into \r\n.
    expect(m.takeConsole()).toContain(`modprobe: FATAL: Module nosuch not found in directory ${moddir(m)}\r\n\r\r\n`);
  });

  it('MODPROBE_OPTIONS is put in front of the arguments', () => {
    const m = boot();
    run(m, ['/sbin/depmod']);
    expect(run(m, [MP, 'nosuch'], ['MODPROBE_OPTIONS=-q']).stderr).toBe('');
  });

  it('fact 24: depmod refuses a dependency cycle with kmod\'s messages', () => {
    const m = boot({ rootfs: 'minimal' });
    write(m, `${moddir(m)}/kernel/ping.ko`, 'depends=pong\n');
    write(m, `${moddir(m)}/kernel/pong.ko`, 'depends=ping\n');
    write(m, `${moddir(m)}/modules.order`, 'kernel/ping.ko\nkernel/pong.ko\n');
    const r = run(m, ['/sbin/depmod']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^depmod: ERROR: Cycle detected: (ping -> pong -> ping|pong -> ping -> pong)\ndepmod: ERROR: Found 2 modules in dependency cycles!\n$/);
    expect(read(m, `${moddir(m)}/modules.dep`)).toBeLessThan(0);
  });

  it('depmod on the default tree is quiet: modules.order and the builtin lists are there, as modules_install leaves them', () => {
    const m = boot();
    expect(run(m, ['/sbin/depmod'])).toMatchObject({ status: 0, stderr: '' });
    // modules.order (kbuild's link order) puts fs/ before drivers/ and lib/ last.
    const dep = read(m, `${moddir(m)}/modules.dep`) as string;
    expect(dep.split('\n')[0]).toBe('kernel/fs/fat/fat.ko:');
    expect(dep.indexOf('kernel/fs/')).toBeLessThan(dep.indexOf('kernel/drivers/'));
    run(m, ['/bin/rm', `${moddir(m)}/modules.builtin.modinfo`]);
    expect(run(m, ['/sbin/depmod']).stderr).toBe(`depmod: WARNING: could not open modules.builtin.modinfo at ${moddir(m)}: No such file or directory\n`);
  });

  it('modinfo and kmod list on the default tree', () => {
    const m = boot();
    run(m, ['/sbin/depmod']);
    expect(run(m, ['/sbin/modinfo', '-F', 'depends', 'e1000e']).stdout).toBe('ptp\n');
    run(m, [MP, 'loop']);
    expect(run(m, ['/bin/kmod', 'list']).stdout).toMatch(/^Module {18}Size {2}Used by\nloop +\d+ {2}0\n$/);
  });

  it('fact 27: -c on the default tree: config by kind, the trailer, then the sorted alias index', () => {
    const m = boot({ cmdline: 'quiet loop.max_loop=4 modprobe.blacklist=floppy' });
    run(m, ['/sbin/depmod']);
    const out = run(m, [MP, '-c']).stdout;
    expect(out.startsWith('blacklist pcspkr\nblacklist floppy\noptions loop max_loop=4\nsoftdep libcrc32c pre: crc32c\n\n# End of configuration files. Dumping indexes now:\n\n')).toBe(true);
    const aliases = out.split('\n').filter((l) => l.startsWith('alias '));
    expect(aliases).toEqual([...aliases].sort((a, b) => (a.split(' ')[1] < b.split(' ')[1] ? -1 : a.split(' ')[1] > b.split(' ')[1] ? 1 : 0)));
    expect(aliases).toContain('alias fs_vfat vfat');
    expect(aliases).toContain('alias symbol:fat_fill_super fat');
  });

  it('fact 28 / fact 29: an alias to a name without a modules.dep line fails at insert time under the resolved name', () => {
    const m = boot({ files: { '/etc/modprobe.d/a.conf': 'alias my-nic e1000-ng\n' } });
    run(m, ['/sbin/depmod']);
    expect(run(m, [MP, 'my-nic'])).toEqual({
      stdout: '', status: 1,
      stderr: "modprobe: ERROR: could not find module by name='e1000_ng'\nmodprobe: ERROR: could not insert 'e1000_ng': Unknown symbol in module, or unknown parameter (see dmesg)\n",
    });
  });
});

