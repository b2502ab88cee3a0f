// khelper's kmod tools against the real kmod 30 (Debian's /usr/sbin/modprobe, modinfo and
// /usr/bin/kmod), third round; depmod's cases are in kmod-diff3-depmod.test.ts. The expected
// outputs were recorded the way kmod-diff2.test.ts describes: ELF .ko files of the same shape
// under a private ROOT, indexed by real `depmod -b ROOT`, real
// `modprobe -d ROOT -S 2.6.20-khelper -C CONFDIR ...` with a fixed /proc/cmdline, and ROOT and
// CONFDIR replaced by /lib/modules/... and /etc/modprobe.d in the output. Each case names the
// kmod function whose behaviour it pins; the functions quoted are the same in kmod 30 and in the
// development tree khelper emulates (version.ts) unless the comment says otherwise.
import { describe, expect, it } from 'vitest';
import { boot, run, twoModules } from './machine.ts';

const R = '/lib/modules/2.6.20-khelper';
const MODPROBE = '/sbin/modprobe';

/** The trailer show_config() prints between the configuration and the index dump. */
const END = '\n# End of configuration files. Dumping indexes now:\n\n';

const machine = twoModules;

describe('modprobe -c (tools/modprobe.c show_config())', () => {
  it('a softdep list is shown as the stretch of kmod_config_add_softdep()\'s word buffer from its first word to its last (softdep_to_char())', () => {
    // The words are stored in the order they appear; `post: kh-fw pre: kh-crc post: kh-ring`
    // keeps pre = [kh-crc] and post = [kh-fw, kh-ring], but the post stretch runs from kh-fw
    // to kh-ring and so takes kh-crc with it.
    const m = machine({
      '/etc/modprobe.d/sd.conf': 'softdep kh-b post: kh-fw pre: kh-crc post: kh-ring\nsoftdep kh-a junk pre: a b post: c pre: d\n',
    });
    expect(run(m, [MODPROBE, '-c'])).toEqual({
      stdout: 'softdep kh_b pre: kh-crcpost: kh-fw kh-crc kh-ring\nsoftdep kh_a pre: a b c dpost: c\n' + END,
      stderr: '', status: 0,
    });
  });
});

describe('the kernel command line (libkmod-config.c kcmdline_parse_result())', () => {
  it('a module name with an unmatched bracket is reported as underscores() left it: the dashes before the bad bracket already turned into underscores', () => {
    const m = machine({}, 'x-y[z.p=1 a-b]c-d.q=2 kh-a.r=3 e-f[g]h-i]j.s=4');
    const bad = (n: string) => `libkmod: ERROR: kcmdline_parse_result: Ignoring bad option on kernel command line while parsing module name: '${n}'\n`;
    expect(run(m, [MODPROBE, '-n', '-v', 'kh-a'])).toEqual({
      stdout: `insmod ${R}/kernel/misc/kh-a.ko r=3 \n`,
      stderr: bad('x_y[z') + bad('a_b]c-d') + bad('e_f[g]h_i]j'),
      status: 0,
    });
  });
});

describe('kmod static-nodes (tools/static-nodes.c do_static_nodes())', () => {
  // Recorded from real kmod 30 with this modules.devname under /lib/modules/`uname -r` (an
  // overlay in a private mount namespace); the release is replaced by ours.
  const DEVNAME = '# comment\ndm_char dmc c10:123\nbad line\nx y z1:2\n  lead sp c3:4\nx y c 10: 5\nx y c-1:2\nx y c4294967296:1\n' +
    'x y c1:2:3\nx y c+5:6\nx y C1:2\n\nx y c99999999999999999999:1\na/b/c/d dev/with/many b1:1\nx y c0x10:1\nx\ty\tc\t11:\t12\nx y c 13 :14\nno eol c7:8';
  const BAD = 'Error: invalid devname entry: bad line\nError: invalid devname entry: x y z1:2\nError: invalid devname entry: x y C1:2\n' +
    'Error: invalid devname entry: \nError: invalid devname entry: x y c0x10:1\nError: invalid devname entry: x y c 13 :14\n';
  const nodes = () => boot({ rootfs: 'minimal', files: { [`${R}/modules.devname`]: DEVNAME, '/tmp/file': '' } });

  it('lines are read with sscanf("%s %s %c%u:%u"): %u skips blanks, takes a sign and keeps the low 32 bits of strtoul()', () => {
    expect(run(nodes(), ['/bin/kmod', 'static-nodes', '-f', 'devname'])).toEqual({
      stdout: 'dm_char dmc c10:123\nlead sp c3:4\nx y c10:5\nx y c4294967295:2\nx y c0:1\nx y c1:2\nx y c5:6\n' +
        'x y c4294967295:1\na/b/c/d dev/with/many b1:1\nx y c11:12\nno eol c7:8\n',
      stderr: BAD, status: 1,
    });
    expect(run(nodes(), ['/bin/kmod', 'static-nodes', '-f', 'tmpfiles']).stdout).toBe(
      'c! /dev/dmc 0600 - - - 10:123\nc! /dev/sp 0600 - - - 3:4\nc! /dev/y 0600 - - - 10:5\nc! /dev/y 0600 - - - 4294967295:2\n' +
      'c! /dev/y 0600 - - - 0:1\nc! /dev/y 0600 - - - 1:2\nc! /dev/y 0600 - - - 5:6\nc! /dev/y 0600 - - - 4294967295:1\n' +
      'd /dev/dev/with 0755 - - -\nb! /dev/dev/with/many 0600 - - - 1:1\nc! /dev/y 0600 - - - 11:12\nc! /dev/eol 0600 - - - 7:8\n',
    );
  });

  it('the output file is created before modules.devname is read, so a bad -o fails before any line is judged', () => {
    const m = nodes();
    expect(run(m, ['/bin/kmod', 'static-nodes', '-o', '/tmp'])).toEqual({ stdout: '', stderr: 'Error: could not create /tmp - Is a directory\n', status: 1 });
    expect(run(m, ['/bin/kmod', 'static-nodes', '-o', ''])).toEqual({ stdout: '', stderr: 'Error: could not create  - No such file or directory\n', status: 1 });
    // mkdir_parents(): kmod 30 printed "Success" here; the development tree's mkdir_p() returns
    // -ENOTDIR for a parent that is a file, and static-nodes prints strerror() of it.
    expect(run(m, ['/bin/kmod', 'static-nodes', '-o', '/tmp/file/sub/x'])).toEqual({
      stdout: '', stderr: 'Error: could not create parent directory for /tmp/file/sub/x - Not a directory.\n', status: 1,
    });
    expect(run(m, ['/bin/kmod', 'static-nodes', '-o', '/tmp/a/b/out.txt', '-f', 'devname'])).toEqual({ stdout: '', stderr: BAD, status: 1 });
    expect(run(m, ['/bin/cat', '/tmp/a/b/out.txt']).stdout).toMatch(/^dm_char dmc c10:123\n.*no eol c7:8\n$/s);
  });

  it('no modules.devname is a warning and success; a directory in its place reads as empty', () => {
    const m = boot({ rootfs: 'minimal', files: { [`${R}/modules.devname/x`]: '' } });
    expect(run(m, ['/bin/kmod', 'static-nodes', '-o', '/tmp/out'])).toEqual({ stdout: '', stderr: '', status: 0 });
    expect(run(m, ['/bin/cat', '/tmp/out'])).toEqual({ stdout: '', stderr: '', status: 0 });
    expect(run(boot({ rootfs: 'minimal' }), ['/bin/kmod', 'static-nodes'])).toEqual({
      stdout: '', stderr: `Warning: ${R}/modules.devname not found - ignoring\n`, status: 0,
    });
  });

  it('the command\'s getopt sees argv shifted by one (kmod.c handle_kmod_commands()), so its errors name the command', () => {
    const m = nodes();
    expect(run(m, ['/bin/kmod', 'static-nodes', '-x'])).toEqual({ stdout: '', stderr: "static-nodes: invalid option -- 'x'\n", status: 1 });
    expect(run(m, ['/bin/kmod', 'static-nodes', '-o'])).toEqual({ stdout: '', stderr: "static-nodes: option requires an argument -- 'o'\n", status: 1 });
    // kmod 30's `list` is not lsmod; the development tree's do_lsmod() gets the same shifted argv
    // and logs with program_invocation_short_name.
    expect(run(m, ['/bin/kmod', 'list', '-x'])).toEqual({ stdout: '', stderr: "list: invalid option -- 'x'\n", status: 1 });
    expect(run(m, ['/bin/kmod', 'list', 'x'])).toEqual({ stdout: '', stderr: 'kmod: ERROR: too many arguments provided.\n', status: 1 });
  });
});

describe('modinfo of a built-in module (libkmod-builtin.c get_strings())', () => {
  // kmod 30 reads modules.builtin.modinfo with an older iterator (it fails with ENOSYS when a
  // module has no records, and crashes on some malformed files); these follow the development
  // tree's get_strings(), which the version khelper emulates.
  const bi = (modinfo: string) => {
    const m = boot({
      rootfs: 'minimal',
      files: {
        [`${R}/modules.builtin`]: 'kernel/fs/kh-builtin/kh-builtin.ko\nkernel/net/kh-bnet.ko\n',
        [`${R}/modules.builtin.modinfo`]: modinfo,
        [`${R}/modules.order`]: '',
      },
    });
    run(m, ['/sbin/depmod']);
    return m;
  };

  it('only the first run of `module.` records counts, and the prefix is matched as written', () => {
    const m = bi('kh_builtin.a=1\0kh_bnet.x=2\0kh_builtin.b=3\0kh-bnet.y=4\0');
    // Recorded from kmod 30 as well.
    expect(run(m, ['/sbin/modinfo', 'kh-builtin']).stdout).toBe('name:           kh_builtin\nfilename:       (builtin)\na:              1\n');
    expect(run(m, ['/sbin/modinfo', 'kh-bnet']).stdout).toBe('name:           kh_bnet\nfilename:       (builtin)\nx:              2\n');
  });

  it('a record without a dot before the run ends is EINVAL, logged by libkmod\'s own logger (modinfo never hooks it)', () => {
    expect(run(bi('kh_builtin.description=d\0nodot\0kh_bnet.x=1\0'), ['/sbin/modinfo', 'kh-bnet'])).toEqual({
      stdout: 'name:           kh_bnet\nfilename:       (builtin)\n',
      stderr: "libkmod: ERROR: get_strings: get_strings: unexpected string without modname prefix\nmodinfo: ERROR: could not get modinfo from 'kh_bnet': Invalid argument\n",
      status: 1,
    });
  });
});

describe('alias lookups through the index trie (depmod index_insert(), libkmod index_searchwild())', () => {
  const tree = (mods = true) => {
    const m = boot({
      rootfs: 'minimal',
      files: {
        [`${R}/kernel/misc/${mods ? 'fa' : 'other'}.ko`]: ['w*x', 'w?y', 'w[ab]z', 'w[!ab]q', 'w\\*s', 'W*', '*end', 'w/x'].map((a) => `alias=${a}\n`).join('') + 'license=GPL\ndepends=\n',
        [`${R}/kernel/misc/fb.ko`]: mods ? 'alias=w*\nalias=wab\nalias=*\nlicense=GPL\ndepends=\n' : '',
        [`${R}/modules.builtin`]: 'kernel/fs/kh-builtin/kh-builtin.ko\nkernel/net/kh-bnet.ko\nkernel/zz/kh-zz.ko\nkernel/aa/kh-aa.ko\n',
        [`${R}/modules.builtin.modinfo`]: 'kh_builtin.alias=bi-*\0kh_bnet.alias=bi-x\0kh_builtin.alias=bi-?\0kh_bnet.alias=b*\0kh_zz.alias=bi-x\0kh_aa.alias=bi-x\0',
      },
    });
    expect(run(m, ['/sbin/depmod']).status).toBe(0);
    return m;
  };

  it('a request is walked letter by letter as well as matched as a pattern, so wildcard characters in it can match twice, and a `\\` is literal up to the next wildcard', () => {
    const m = tree();
    const R_ = (q: string) => run(m, ['/sbin/modprobe', '-R', q]).stdout;
    expect(R_('wx')).toBe('fb\nfb\nfa\n');
    expect(R_('w*s')).toBe('fb\nfb\n');
    expect(R_('w\\*s')).toBe('fb\nfb\nfa\n');
    expect(R_('*')).toBe('fb\nfb\n');
    expect(R_('w[ab]z')).toBe('fb\nfb\nfa\n');
    expect(R_('w?y')).toBe('fb\nfb\nfa\nfa\n');
    expect(R_('wab')).toBe('fb\nfb\nfb\n');
    expect(R_('Wfoo')).toBe('fb\nfa\n');
    expect(R_('wcq')).toBe('fb\nfb\nfa\n');
  });

  it('built-in aliases all have priority 0, so each node\'s values go in front of those found earlier', () => {
    // (Without fb, whose alias `*` in modules.alias would answer first.)
    const m = tree(false);
    expect(run(m, ['/sbin/modprobe', '-R', 'bi-x']).stdout).toBe('kh_bnet\nkh_zz\nkh_aa\nkh_builtin\nkh_builtin\nkh_bnet\n');
    expect(run(m, ['/sbin/modprobe', '-R', 'bi-y']).stdout).toBe('kh_builtin\nkh_builtin\nkh_bnet\n');
  });
});
