// khelper's kmod tools against the real kmod 30 (Debian's /usr/sbin/depmod, modinfo, modprobe).
// Every expected output below was recorded by running real kmod 30 on ELF modules built to the
// same shape (same names, .modinfo keys, exported and imported symbols) under a private root
// (`depmod -b ROOT 2.6.20-khelper`, `modinfo -b ROOT -k ...`), with ROOT removed from the paths
// so they read /lib/modules/<release> as they do here. A virtual module's `depends=` and
// `export=` keys stand for the ELF's undefined symbols and __ksymtab.
//
// Where kmod 30 differs from the development tree khelper emulates (version.ts), the line is
// left out and the comment says so.
import { describe, expect, it } from 'vitest';
import { boot, moddir, read, run } from './machine.ts';

const DEPMOD = '/sbin/depmod';

/** The comparison's module set: a chain, siblings, an alias, exported symbols. */
const KOS: Record<string, string> = {
  'kernel/lib/kh-crc.ko': 'license=GPL\ndescription=KH CRC helper\nparm=seed:Initial seed\nparmtype=seed:uint\ndepends=\nvermagic=2.6.20 SMP mod_unload\nname=kh_crc\nexport=kh_crc_calc\n',
  'kernel/lib/kh-ring.ko': 'license=GPL\ndepends=kh-crc\nname=kh_ring\nexport=kh_ring_get\n',
  'kernel/drivers/net/kh-nic.ko': 'author=Jane Doe <jane@example.org>\ndescription=KH fast NIC\nlicense=GPL v2\nparm=speed:Link speed (Mb/s)\n' +
    'parmtype=speed:int\nparmtype=duplex:charp\nparm=duplex:full or half\nparm=mtu:MTU\nalias=pci:v00001234d00005678sv*sd*bc02sc00i*\n' +
    'alias=net-pf-99\nsoftdep=pre: kh-fw\ndepends=kh-ring,kh-crc\nname=kh_nic\nvermagic=2.6.20 SMP mod_unload\nexport=kh_nic_stats\n',
  'kernel/drivers/net/kh-fw.ko': 'license=GPL\nalias=kh-firmware\ndepends=\nname=kh_fw\n',
  'kernel/drivers/net/kh-diag.ko': 'license=GPL\ndepends=kh-nic\nname=kh_diag\n',
  'kernel/misc/kh-orphan.ko': 'license=GPL\ndepends=\nname=kh_orphan\n',
  'kernel/misc/kh-a.ko': 'license=GPL\ndepends=\nname=kh_a\nexport=kh_a_fn\n',
  'kernel/misc/kh-b.ko': 'license=GPL\ndepends=\nname=kh_b\nexport=kh_b_fn\n',
  'kernel/misc/kh-both.ko': 'license=GPL\ndepends=kh-a,kh-b\nname=kh_both\n',
};

const R = '/lib/modules/2.6.20-khelper';

function machine(kos: Record<string, string>, extra: Record<string, string> = {}) {
  const files: Record<string, string> = { ...extra };
  for (const [p, c] of Object.entries(kos)) files[`${R}/${p}`] = c;
  return boot({ rootfs: 'minimal', files });
}

/** dfdopen()'s warning for each optional input missing from the module directory. */
const cannotOpen = (file: string): string => `depmod: WARNING: could not open ${file} at ${R}: No such file or directory\n`;

/** The modules.dep part of `depmod -n` (kmod 30 has no weakdep header after it). */
const depPart = (out: string): string => out.split('# Aliases')[0];

/** mod-loop-X.ko modules, each depending on the listed letters (kmod's depmod_detect_loop shape). */
function loops(deps: Record<string, string>): Record<string, string> {
  const kos: Record<string, string> = {};
  for (const [n, d] of Object.entries(deps)) {
    kos[`kernel/mod-loop-${n}.ko`] = `license=GPL\ndepends=${d.split(',').filter((x) => x).map((x) => `mod_loop_${x}`).join(',')}\n`;
  }
  return kos;
}

describe('depmod as kmod 30 writes and reports', () => {
  it('modules.symbols comes in the order of depmod\'s symbol hash (hash_superfast, 2048 buckets), not module order', () => {
    const m = machine(KOS, { [`${R}/modules.order`]: Object.keys(KOS).join('\n') + '\n' });
    expect(run(m, [DEPMOD]).status).toBe(0);
    expect(read(m, `${moddir(m)}/modules.symbols`)).toBe(
      '# Aliases for symbols, used by symbol_request().\n' +
      'alias symbol:kh_nic_stats kh_nic\nalias symbol:kh_a_fn kh_a\nalias symbol:kh_b_fn kh_b\n' +
      'alias symbol:kh_crc_calc kh_crc\nalias symbol:kh_ring_get kh_ring\n',
    );
  });

  it('without modules.order, modules.dep lines follow depmod\'s module-name hash (512 buckets)', () => {
    const m = machine(loops({ d: '', e: '', f: '', h: '', i: '', j: '', k: '', c: '', a: '', b: '', g: '' }));
    const r = run(m, [DEPMOD, '-n']);
    expect(depPart(r.stdout)).toBe(
      ['d', 'i', 'b', 'a', 'h', 'j', 'f', 'c', 'g', 'k', 'e'].map((x) => `kernel/mod-loop-${x}.ko:\n`).join(''),
    );
    // -n writes no builtin index, so only the missing modules.order is reported.
    expect(r.stderr).toBe(cannotOpen('modules.order'));
  });

  it('Cycle detected: two modules importing each other, found from the first one in hash order', () => {
    const m = machine({ 'kernel/misc/ping.ko': 'depends=pong\n', 'kernel/misc/pong.ko': 'depends=ping\n', 'kernel/misc/solo.ko': '' });
    const r = run(m, [DEPMOD]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(cannotOpen('modules.order') +
      'depmod: ERROR: Cycle detected: pong -> ping -> pong\ndepmod: ERROR: Found 2 modules in dependency cycles!\n');
  });

  it('Cycle detected: removing a cycle from the roots list rotates it (kmod_list_remove_data), which picks the next root', () => {
    const m = machine(loops({ d: 'e', e: 'd', i: 'j', h: 'i', j: 'h,k', k: 'h', c: 'a', a: 'b,f,g', b: 'c,f,g', f: '', g: '' }));
    const r = run(m, [DEPMOD]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(cannotOpen('modules.order') +
      'depmod: ERROR: Cycle detected: mod_loop_d -> mod_loop_e -> mod_loop_d\n' +
      'depmod: ERROR: Cycle detected: mod_loop_i -> mod_loop_j -> mod_loop_k -> mod_loop_h -> mod_loop_i\n' +
      'depmod: ERROR: Cycle detected: mod_loop_i -> mod_loop_j -> mod_loop_h -> mod_loop_i\n' +
      'depmod: ERROR: Cycle detected: mod_loop_c -> mod_loop_a -> mod_loop_b -> mod_loop_c\n' +
      'depmod: ERROR: Found 9 modules in dependency cycles!\n',
    );
  });

  it('a module directory that does not exist: could not search modules, exit 1', () => {
    const m = machine({});
    expect(run(m, [DEPMOD, '9.9.9'])).toEqual({
      stdout: '', status: 1,
      stderr: 'depmod: ERROR: could not open directory /lib/modules/9.9.9: No such file or directory\n' +
        'depmod: FATAL: could not search modules: No such file or directory\n',
    });
  });

  it('-F with a System.map that cannot be read is fatal; its malformed lines are reported with their newline', () => {
    const m = machine({ 'kernel/solo.ko': '' }, {
      [`${R}/modules.order`]: 'kernel/solo.ko\n',
      '/boot/System.map': 'ffffffff81000000 T __ksymtab_printk\nbadline\nffff T\nffffffff81000010 R __ksymtab_foo',
    });
    expect(run(m, [DEPMOD, '-e', '-F', '/nonexistent'])).toEqual({
      stdout: '', status: 1, stderr: 'depmod: FATAL: could not load /nonexistent: No such file or directory\n',
    });
    const r = run(m, [DEPMOD, '-n', '-e', '-F', '/boot/System.map']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('depmod: ERROR: /boot/System.map:2: invalid line: badline\n\ndepmod: ERROR: /boot/System.map:3: invalid line: ffff T\n\n');
  });

  it('-E: a Module.symvers crc that is not hex is reported; -E wins over -F', () => {
    const m = machine({ 'kernel/solo.ko': '' }, {
      [`${R}/modules.order`]: 'kernel/solo.ko\n',
      '/boot/Module.symvers': '0x1234\tfoo\tvmlinux\tEXPORT_SYMBOL\n0xzz12\tbar\tvmlinux\tEXPORT_SYMBOL\n0x12\tbaz\tmodule\tEXPORT_SYMBOL\n',
    });
    // kmod 30 prints whatever errno an earlier call left for %m ("Success" when run alone,
    // "No such file or directory" after the failed -F open); the development tree (HEAD
    // depmod_load_symvers()) sets errno = 0 before strtoull(), so it always says "Success".
    // Writing the indexes then finds neither builtin list (output_builtin_bin, _alias_bin).
    const want = {
      stdout: '', status: 0,
      stderr: 'depmod: ERROR: /boot/Module.symvers:2 Invalid symbol version 0xzz12: Success\n' + cannotOpen('modules.builtin') + cannotOpen('modules.builtin.modinfo'),
    };
    const r = run(m, [DEPMOD, '-e', '-E', '/boot/Module.symvers', '-F', '/nonexistent']);
    expect({ ...r, stdout: '' }).toEqual(want);
  });

  it('modules.builtin lines that do not start with a letter are errors when the indexes are written', () => {
    const m = machine({ 'kernel/solo.ko': '' }, {
      [`${R}/modules.order`]: 'kernel/solo.ko\n',
      [`${R}/modules.builtin`]: 'kernel/a.ko\n/abs/b.ko\n\n1x.ko',
      [`${R}/modules.builtin.modinfo`]: '',
    });
    expect(run(m, [DEPMOD, '-n']).stderr).toBe('');
    expect(run(m, [DEPMOD]).stderr).toBe(
      'depmod: ERROR: Invalid modules.builtin line: /abs/b.ko\n\n' +
      'depmod: ERROR: Invalid modules.builtin line: \n\n' +
      'depmod: ERROR: Invalid modules.builtin line: 1x.ko\n',
    );
  });

  it('a modules.order whose last line lacks its newline is corrupted: depmod says so and ignores the order', () => {
    const m = machine(loops({ a: '', b: '' }), { [`${R}/modules.order`]: 'kernel/mod-loop-a.ko\nkernel/mod-loop-b.ko' });
    const r = run(m, [DEPMOD, '-n']);
    expect(r.stderr).toBe(`depmod: ERROR: ${R}/modules.order:2 corrupted line misses '\\n'\n`);
    // The hash order puts b before a.
    expect(depPart(r.stdout)).toBe('kernel/mod-loop-b.ko:\nkernel/mod-loop-a.ko:\n');
  });
});

describe('modinfo as kmod 30 prints', () => {
  it('shows the .modinfo keys only: a virtual module\'s export= (its __ksymtab) is not one of them', () => {
    const m = machine(KOS);
    run(m, [DEPMOD]);
    expect(run(m, ['/sbin/modinfo', 'kh-nic'])).toEqual({
      status: 0, stderr: '',
      stdout: `filename:       ${R}/kernel/drivers/net/kh-nic.ko\nauthor:         Jane Doe <jane@example.org>\ndescription:    KH fast NIC\n` +
        'license:        GPL v2\nalias:          pci:v00001234d00005678sv*sd*bc02sc00i*\nalias:          net-pf-99\nsoftdep:        pre: kh-fw\n' +
        'depends:        kh-ring,kh-crc\nname:           kh_nic\nvermagic:       2.6.20 SMP mod_unload\nparm:           mtu:MTU\n' +
        'parm:           duplex:full or half (charp)\nparm:           speed:Link speed (Mb/s) (int)\n',
    });
    expect(run(m, ['/sbin/modinfo', '-F', 'export', 'kh-crc']).stdout).toBe('');
  });
});

describe('modprobe -r, rmmod and lsmod on live modules, as kmod 30 sees them', () => {
  // Recorded by loading the modules here, then giving real kmod 30 the same /proc/modules and
  // /sys/module/<name>/{initstate,refcnt,coresize,holders/} in a private mount namespace. kmod
  // lists holders in readdir order; that order is the kernel's (here 2.6.20 with 2.6.21's
  // holders/: newest first, test/kernel/kernfs.test.ts), so it is given in that order.
  it('lsmod lines; -r stops at an in-use post-softdep; -a goes on with WARNINGs; rmmod names the holders', () => {
    const m = machine(KOS, { '/etc/modprobe.d/t.conf': 'softdep kh-diag pre: kh-fw post: kh-b\n' });
    run(m, [DEPMOD]);
    expect(run(m, ['/sbin/modprobe', 'kh-diag']).status).toBe(0);
    expect(run(m, ['/sbin/modprobe', 'kh-both']).status).toBe(0);
    expect(run(m, ['/sbin/lsmod']).stdout).toBe(
      'Module                  Size  Used by\nkh_both                16384  0\nkh_a                   16384  1 kh_both\n' +
      'kh_b                   16384  1 kh_both\nkh_diag                16384  0\nkh_nic                 16384  1 kh_diag\n' +
      'kh_fw                  16384  0\nkh_ring                16384  1 kh_nic\nkh_crc                 16384  2 kh_nic,kh_ring\n',
    );
    expect(run(m, ['/sbin/modprobe', '-r', '-n', '-v', 'kh-diag'])).toEqual({ stdout: '', stderr: 'modprobe: FATAL: Module kh_b is in use.\n', status: 1 });
    expect(run(m, ['/sbin/modprobe', '-r', '-n', '-v', '-a', 'kh-both', 'kh-diag'])).toEqual({
      stdout: 'rmmod kh_both\nrmmod kh_diag\nrmmod kh_fw\n', stderr: 'modprobe: WARNING: Module kh_b is in use.\n', status: 0,
    });
    expect(run(m, ['/sbin/modprobe', '--first-time', 'kh-nic'])).toEqual({
      stdout: '', stderr: "modprobe: ERROR: could not insert 'kh_nic': Module already in kernel\n", status: 1,
    });
    expect(run(m, ['/sbin/rmmod', 'kh_crc', 'kh-ring', 'kh-orphan'])).toEqual({
      stdout: '', status: 1,
      stderr: 'rmmod: ERROR: Module kh_crc is in use by: kh_nic kh_ring\nrmmod: ERROR: Module kh_ring is in use by: kh_nic\n' +
        'rmmod: ERROR: Module kh_orphan is not currently loaded\n',
    });
  });
});
