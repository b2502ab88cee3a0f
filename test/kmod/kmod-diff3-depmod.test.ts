// khelper's depmod against the real kmod 30 (Debian's /usr/sbin/depmod), third round; the
// modprobe, modinfo and static-nodes cases of the same round are in kmod-diff3.test.ts.
// The expected outputs were recorded with real `depmod -b ROOT [-C CONFDIR] 2.6.20-khelper` on
// ELF .ko files of the same shape (same names, .modinfo keys, exported and imported symbols),
// ROOT removed from the output, and checked with real modprobe/modinfo -d/-b ROOT where a case
// reads the indexes back. Each case names the depmod (tools/depmod.c) or libkmod function whose
// behaviour it pins; where kmod 30 and the development tree khelper emulates (version.ts)
// differ, the comment says which one the expectation follows.
import { describe, expect, it } from 'vitest';
import { boot, run } from './machine.ts';

const R = '/lib/modules/2.6.20-khelper';

describe('depmod (tools/depmod.c depmod_output())', () => {
  it('output_devname() complains about a devname without a char-/block-major alias as it writes modules.devname, the last file, after the builtin indexes\' warnings', () => {
    const m = boot({
      rootfs: 'minimal',
      files: {
        [`${R}/kernel/drivers/char/dm-nodev.ko`]: 'alias=devname:lonely\nlicense=GPL\ndepends=\nname=dm_nodev\n',
        [`${R}/kernel/drivers/char/dm-char.ko`]: 'alias=devname:dmc\nalias=char-major-10-123\nlicense=GPL\ndepends=\nname=dm_char\n',
        [`${R}/modules.order`]: 'kernel/drivers/char/dm-nodev.ko\nkernel/drivers/char/dm-char.ko\n',
      },
    });
    const cannotOpen = (f: string) => `depmod: WARNING: could not open ${f} at ${R}: No such file or directory\n`;
    expect(run(m, ['/sbin/depmod'])).toEqual({
      stdout: '', status: 0,
      stderr: cannotOpen('modules.builtin') + cannotOpen('modules.builtin.modinfo') +
        "depmod: ERROR: Module 'dm_nodev' has devname (lonely) but lacks major and minor information. Ignoring.\n",
    });
    expect(run(m, ['/bin/cat', `${R}/modules.devname`]).stdout).toBe('# Device nodes to trigger on-demand module loading.\ndm_char dmc c10:123\n');
  });
});

describe('modules.devname (depmod output_devname())', () => {
  it('char-/block-major aliases are read with sscanf("char-major-%u-%u"): blanks, signs, trailing text and 32-bit wrap-around', () => {
    const mods: Record<string, string[]> = {
      d1: ['devname:d1', 'char-major- 10-5'], d2: ['devname:d2', 'char-major-+10--6x'], d3: ['devname:d3', 'block-major-4294967296-1'],
      d4: ['devname:d4', 'char-major-10', 'char-major-1-2-3'], d5: ['char-major-7-7', 'devname:d5a', 'devname:d5b', 'block-major-9-9'],
      d6: ['devname:d6', 'char-major-99999999999999999999-1'], d7: ['devname:d7', 'char-major-1 -2'],
    };
    const files: Record<string, string> = { [`${R}/modules.builtin`]: '', [`${R}/modules.builtin.modinfo`]: '' };
    for (const [n, al] of Object.entries(mods)) files[`${R}/kernel/${n}.ko`] = al.map((a) => `alias=${a}\n`).join('') + 'depends=\n';
    const r = run(boot({ rootfs: 'minimal', files }), ['/sbin/depmod', '-n']);
    expect(r.stdout.split('# Device nodes to trigger on-demand module loading.\n')[1]).toBe(
      'd3 d3 b0:1\nd5 d5a c7:7\nd6 d6 c4294967295:1\nd4 d4 c1:2\nd2 d2 c10:4294967290\nd1 d1 c10:5\n');
    expect(r.stderr).toContain("depmod: ERROR: Module 'd7' has devname (d7) but lacks major and minor information. Ignoring.\n");
  });
});

describe('depmod -P (depmod_symbol_add())', () => {
  it('one leading prefix character comes off each exported symbol; a name that then collides replaces the earlier one', () => {
    const m = boot({
      rootfs: 'minimal',
      files: {
        [`${R}/kernel/p1.ko`]: 'depends=\nexport=_under\nexport=__dunder\nexport=plain\nexport=xplain\n',
        [`${R}/kernel/p2.ko`]: 'depends=p1\n',
        [`${R}/modules.builtin`]: '', [`${R}/modules.builtin.modinfo`]: '',
      },
    });
    const syms = (...args: string[]) => run(m, ['/sbin/depmod', '-n', ...args]).stdout.split('symbol_request().\n')[1];
    expect(syms('-P', '_')).toBe('alias symbol:plain p1\nalias symbol:under p1\nalias symbol:_dunder p1\nalias symbol:xplain p1\n');
    expect(syms('-P', 'x')).toBe('alias symbol:plain p1\nalias symbol:_under p1\nalias symbol:__dunder p1\n');
  });
});

describe('depmod -v (depmod_load_module_dependencies())', () => {
  it('one `needs "SYMBOL": PATH` line per imported symbol; a virtual module imports what its depends= modules export', () => {
    const m = boot({
      rootfs: 'minimal',
      files: {
        [`${R}/kernel/lib/kh-crc.ko`]: 'license=GPL\ndepends=\nname=kh_crc\nexport=kh_crc_calc\n',
        [`${R}/kernel/lib/kh-ring.ko`]: 'license=GPL\ndepends=kh-crc\nname=kh_ring\nexport=kh_ring_get\n',
        [`${R}/kernel/drivers/net/kh-nic.ko`]: 'license=GPL\ndepends=kh-ring,kh-crc\nname=kh_nic\n',
        [`${R}/modules.order`]: 'kernel/lib/kh-crc.ko\nkernel/lib/kh-ring.ko\nkernel/drivers/net/kh-nic.ko\n',
        [`${R}/modules.builtin`]: '',
        [`${R}/modules.builtin.modinfo`]: '',
      },
    });
    expect(run(m, ['/sbin/depmod', '-v'])).toEqual({
      stdout: `${R}/kernel/lib/kh-ring.ko needs "kh_crc_calc": ${R}/kernel/lib/kh-crc.ko\n` +
        `${R}/kernel/drivers/net/kh-nic.ko needs "kh_ring_get": ${R}/kernel/lib/kh-ring.ko\n` +
        `${R}/kernel/drivers/net/kh-nic.ko needs "kh_crc_calc": ${R}/kernel/lib/kh-crc.ko\n`,
      stderr: '', status: 0,
    });
  });
});

describe('depmod filling the .bin indexes (output_aliases_bin(), output_builtin_alias_bin())', () => {
  const tree = (extra: Record<string, string> = {}) => boot({
    rootfs: 'minimal',
    files: {
      [`${R}/kernel/misc/al-b.ko`]: 'alias=dup-x\nlicense=GPL\ndepends=\nname=al_b\n',
      [`${R}/kernel/misc/al-a.ko`]: 'alias=foo]bar\nalias=foo[bar\nalias=dup-x\nalias=dup-x\nalias=dup_x\nalias=ok[ab]-c\nlicense=GPL\ndepends=\nname=al_a\n',
      [`${R}/modules.order`]: 'kernel/misc/al-b.ko\nkernel/misc/al-a.ko\n',
      [`${R}/modules.builtin`]: '',
      [`${R}/modules.builtin.modinfo`]: '',
      ...extra,
    },
  });

  it('an alias with unmatched brackets is a warning when the index is written, not with -n; -w adds "duplicate module alias" for a key that already holds the module', () => {
    const unmatched = 'depmod: WARNING: Unmatched bracket in foo]bar\ndepmod: WARNING: Unmatched bracket in foo[bar\n';
    expect(run(tree(), ['/sbin/depmod'])).toEqual({ stdout: '', stderr: unmatched, status: 0 });
    expect(run(tree(), ['/sbin/depmod', '-w'])).toEqual({
      stdout: '', status: 0,
      stderr: unmatched + 'depmod: WARNING: duplicate module alias:\ndup_x al_a\ndepmod: WARNING: duplicate module alias:\ndup_x al_a\n',
    });
    const n = run(tree(), ['/sbin/depmod', '-n', '-w']);
    expect(n.stderr).toBe('');
    expect(n.stdout).toContain('alias dup-x al_b\nalias foo]bar al_a\nalias foo[bar al_a\nalias dup-x al_a\nalias dup-x al_a\nalias dup_x al_a\nalias ok[ab]-c al_a\n');
    // Every value stays in the index: the lookup returns all four.
    const m = tree();
    run(m, ['/sbin/depmod']);
    expect(run(m, ['/sbin/modprobe', '-R', 'dup-x'])).toEqual({ stdout: 'al_b\nal_a\nal_a\nal_a\n', stderr: '', status: 0 });
  });

  it('modules.builtin.modinfo is read with flush_stream_to(): a key without "=" swallows the next record, and a last record without its NUL is dropped', () => {
    const m = boot({
      rootfs: 'minimal',
      files: {
        [`${R}/modules.builtin`]: 'kernel/fs/kh-builtin/kh-builtin.ko\nkernel/net/kh-bnet.ko\n',
        [`${R}/modules.order`]: '',
        [`${R}/modules.builtin.modinfo`]: 'kh_builtin.x\0kh_builtin.alias=eaten\0kh_bnet.alias=kept\0.alias=noname\0kh_bnet.alias=\0kh_bnet.alias=last',
      },
    });
    expect(run(m, ['/sbin/depmod']).status).toBe(0);
    expect(run(m, ['/sbin/modprobe', '-R', 'kept'])).toEqual({ stdout: 'kh_bnet\n', stderr: '', status: 0 });
    for (const a of ['eaten', 'last', 'noname']) {
      expect(run(m, ['/sbin/modprobe', '-R', a])).toEqual({ stdout: '', stderr: `modprobe: FATAL: Module ${a} not found in directory ${R}\n`, status: 1 });
    }
  });

  it('modules.builtin.modinfo aliases with unmatched brackets are warned about after the builtin lists are read', () => {
    const m = tree({ [`${R}/modules.builtin.modinfo`]: 'kh_builtin.alias=fs]x\0kh_builtin.alias=ok\0kh_bnet.alias=n[et\0' });
    expect(run(m, ['/sbin/depmod']).stderr).toBe(
      'depmod: WARNING: Unmatched bracket in foo]bar\ndepmod: WARNING: Unmatched bracket in foo[bar\n' +
      'depmod: WARNING: Unmatched bracket in fs]x\ndepmod: WARNING: Unmatched bracket in n[et\n',
    );
  });
});

describe('depmod.d (tools/depmod.c cfg_load(), depmod_module_is_higher_priority())', () => {
  // Recorded with real `depmod -b ROOT -C CONFDIR -n`; CONFDIR is /etc/depmod.d here (one of the
  // default paths) and the external trees /opt/ext and /opt/ext2. Copies of one module that tie
  // on priority are decided by readdir() order, which differs between filesystems, so every
  // case below has a winner by priority alone.
  const MODS = ['kernel/misc/dd.ko', 'updates/dd.ko', 'extra/dd.ko', 'weird/sub/dd.ko', 'kernel/misc/d-x.ko', 'updates/d_x.ko', 'extra/d-x.ko',
    'kernel/misc/solo.ko', 'kernel/skipme/sk.ko', 'skipme/sk2.ko', 'kernel/misc/ov.ko', 'extra/ov.ko', 'updates/ov.ko', 'kernel/misc/ex.ko'];
  const tree = (conf: Record<string, string>) => {
    const files: Record<string, string> = { [`${R}/modules.order`]: '', [`${R}/modules.builtin`]: '', [`${R}/modules.builtin.modinfo`]: '' };
    for (const p of MODS) files[`${R}/${p}`] = `license=GPL\ndepends=\nname=${p.replace(/^.*\//, '').replace(/\..*$/, '').replace(/-/g, '_')}\n`;
    for (const p of ['/opt/ext/ex.ko', '/opt/ext/dd.ko', '/opt/ext2/sub/ex.ko', '/opt/ext2/solo.ko']) files[p] = 'license=GPL\ndepends=\n';
    for (const [n, c] of Object.entries(conf)) files[`/etc/depmod.d/${n}`] = c;
    return boot({ rootfs: 'minimal', files });
  };
  const deps = (m: ReturnType<typeof tree>, ...args: string[]) => {
    const r = run(m, ['/sbin/depmod', '-n', ...args]);
    return { ...r, stdout: r.stdout.split('# Aliases')[0] };
  };
  const line = (...paths: string[]) => paths.map((p) => `${p}:\n`).join('');

  it('search: later entries in the list kmod builds by prepending (so earlier in the file) win; a path under no entry gets built-in\'s rank', () => {
    expect(deps(tree({}))).toEqual({ stdout: line('updates/ov.ko', 'updates/d_x.ko', 'kernel/skipme/sk.ko', 'skipme/sk2.ko', 'kernel/misc/solo.ko', 'updates/dd.ko', 'kernel/misc/ex.ko'), stderr: '', status: 0 });
    expect(deps(tree({ 'a.conf': 'search weird\nsearch extra\n' })).stdout).toBe(
      line('extra/ov.ko', 'extra/d-x.ko', 'kernel/skipme/sk.ko', 'skipme/sk2.ko', 'kernel/misc/solo.ko', 'weird/sub/dd.ko', 'kernel/misc/ex.ko'));
  });

  it('override MODULE KVER-REGEX SUBDIR beats the search list; a release that does not match is skipped (INFO at -vv)', () => {
    const m = tree({ 'a.conf': 'override ov * extra\noverride dd 2.6.* kernel/misc\noverride d-x 9.9 extra\n' });
    expect(deps(m)).toEqual({ stdout: line('extra/ov.ko', 'updates/d_x.ko', 'kernel/skipme/sk.ko', 'skipme/sk2.ko', 'kernel/misc/solo.ko', 'kernel/misc/dd.ko', 'kernel/misc/ex.ko'), stderr: '', status: 0 });
    expect(deps(m, '-vv').stderr).toBe('depmod: INFO: /etc/depmod.d/a.conf:3: override kernel did not match 9.9\n');
    expect(deps(tree({ 'a.conf': 'override dd * weird/sub\nsearch extra\n' })).stdout).toContain('weird/sub/dd.ko:\n');
  });

  it('exclude skips a directory name at any depth', () => {
    expect(deps(tree({ 'a.conf': 'exclude skipme\n' })).stdout).toBe(line('updates/ov.ko', 'updates/d_x.ko', 'kernel/misc/solo.ko', 'updates/dd.ko', 'kernel/misc/ex.ko'));
  });

  it('external trees are searched after the module directory and ranked where `search external` stands; a missing one is an ERROR, not fatal', () => {
    expect(deps(tree({ 'a.conf': 'external * /opt/ext\nexternal 2.6 /opt/ext2\nexternal 3.0 /nonexist\nsearch external updates\n' })).stdout).toBe(
      line('updates/ov.ko', 'updates/d_x.ko', 'kernel/skipme/sk.ko', 'skipme/sk2.ko', '/opt/ext2/solo.ko', '/opt/ext/dd.ko', '/opt/ext/ex.ko'));
    expect(deps(tree({ 'a.conf': 'external * /opt/ext\nexternal * /nonexistent-ext\n' }))).toEqual({
      stdout: line('updates/ov.ko', 'updates/d_x.ko', 'kernel/skipme/sk.ko', 'skipme/sk2.ko', 'kernel/misc/solo.ko', 'updates/dd.ko', 'kernel/misc/ex.ko'),
      stderr: 'depmod: ERROR: could not open directory /nonexistent-ext: No such file or directory\n', status: 0,
    });
  });

  it('bad lines, missing fields and directories named *.conf are ERRORs; files without .conf and dot-files are skipped', () => {
    const m = tree({
      'a.conf': 'bogus line\noverride a b\nexternal x\n# c\n\ninclude foo\nmake_map_files\n  search extra\n',
      'b.txt': 'search weird\n', '.h.conf': 'search weird\n', 'd.conf/x': '',
    });
    expect(deps(m)).toEqual({
      stdout: line('extra/ov.ko', 'extra/d-x.ko', 'kernel/skipme/sk.ko', 'skipme/sk2.ko', 'kernel/misc/solo.ko', 'extra/dd.ko', 'kernel/misc/ex.ko'),
      stderr: 'depmod: ERROR: Directories inside directories are not supported: /etc/depmod.d/d.conf\n' +
        "depmod: ERROR: /etc/depmod.d/a.conf:1: ignoring bad line starting with 'bogus'\n" +
        "depmod: ERROR: /etc/depmod.d/a.conf:2: ignoring bad line starting with 'override'\n" +
        "depmod: ERROR: /etc/depmod.d/a.conf:3: ignoring bad line starting with 'external'\n",
      status: 0,
    });
  });

  it('-C replaces the default paths; files given one by one are still parsed in name order, and a missing one is ignored', () => {
    const m = tree({});
    run(m, ['/bin/mkdir', '/conf']);
    const w = (p: string, t: string) => run(m, ['/bin/sh', '-c', `printf '${t}' > ${p}`]);
    w('/conf/z.conf', 'search weird\\n');
    w('/conf/a.conf', 'search extra\\n');
    const extraWins = line('extra/ov.ko', 'extra/d-x.ko', 'kernel/skipme/sk.ko', 'skipme/sk2.ko', 'kernel/misc/solo.ko', 'extra/dd.ko', 'kernel/misc/ex.ko');
    expect(deps(m, '-C', '/conf/z.conf', '-C', '/conf/a.conf').stdout).toBe(extraWins);
    expect(deps(m, '-C', '/conf/a.conf', '-C', '/conf').stdout).toBe(extraWins);
    expect(deps(m, '-C', '/conf/nonexist.conf')).toEqual({
      stdout: line('updates/ov.ko', 'updates/d_x.ko', 'kernel/skipme/sk.ko', 'skipme/sk2.ko', 'kernel/misc/solo.ko', 'updates/dd.ko', 'kernel/misc/ex.ko'), stderr: '', status: 0,
    });
  });
});

describe('modules.builtin lines (depmod output_builtin_bin(), path_to_modname())', () => {
  it('a line keeps its newline, so a path without a dot names no module a request can match; a last line without newline is fine', () => {
    const m = boot({
      rootfs: 'minimal',
      files: {
        [`${R}/modules.builtin`]: 'kernel/fs/kh-builtin/kh-builtin.ko\nkernel/noext\nkernel/kh-b5.ko \n1bad/x.ko\nkernel/a.b/c-d.ko\nkernel/last',
        [`${R}/modules.builtin.modinfo`]: '',
        [`${R}/modules.order`]: '',
      },
    });
    expect(run(m, ['/sbin/depmod'])).toEqual({ stdout: '', stderr: 'depmod: ERROR: Invalid modules.builtin line: 1bad/x.ko\n\n', status: 0 });
    for (const [a, n] of [['kh-b5', 'kh_b5'], ['c-d', 'c_d'], ['last', 'last'], ['kh-builtin', 'kh_builtin']]) {
      expect(run(m, ['/sbin/modprobe', '-D', a])).toEqual({ stdout: `builtin ${n}\n`, stderr: '', status: 0 });
    }
    expect(run(m, ['/sbin/modprobe', '-D', 'noext'])).toEqual({ stdout: '', stderr: `modprobe: FATAL: Module noext not found in directory ${R}\n`, status: 1 });
  });
});

describe('modules.order (depmod_modules_sort())', () => {
  const ordered = (order: string) => {
    const files: Record<string, string> = { [`${R}/modules.builtin`]: '', [`${R}/modules.builtin.modinfo`]: '', [`${R}/modules.order`]: order };
    for (const n of 'abcdefgh') files[`${R}/kernel/mod-${n}.ko`] = 'license=GPL\n';
    files[`${R}/kernel/dm.dots.ko`] = 'license=GPL\n';
    files[`${R}/top.ko`] = 'license=GPL\n';
    const r = run(boot({ rootfs: 'minimal', files }), ['/sbin/depmod', '-n']);
    return r.stdout.split('#')[0];
  };
  const rest = 'kernel/mod-d.ko:\nkernel/mod-b.ko:\nkernel/mod-e.ko:\nkernel/mod-a.ko:\nkernel/mod-c.ko:\nkernel/mod-f.ko:\n';

  it('lines naming no module take no rank; a line is matched against the path cut to name + ".ko" (uncrelpath)', () => {
    const unknown = Array.from({ length: 13 }, (_, i) => `kernel/x${i + 1}.ko\n`).join('');
    expect(ordered(`${unknown}kernel/mod-h.ko\nkernel/mod-g.ko\nkernel/dm.do\ntop.ko\n`)).toBe(
      'kernel/mod-h.ko:\nkernel/mod-g.ko:\nkernel/dm.dots.ko:\ntop.ko:\n' + rest);
  });

  it('a module listed twice keeps its first place (the development tree skips a module whose sort_idx is already set; kmod 30 let the last line win)', () => {
    expect(ordered('kernel/mod-h.ko\nkernel/mod-g.ko\nkernel/mod-h.ko\nkernel/dm.do\ntop.ko\n')).toBe(
      'kernel/mod-h.ko:\nkernel/mod-g.ko:\nkernel/dm.dots.ko:\ntop.ko:\n' + rest);
  });
});
