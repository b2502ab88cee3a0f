import { describe, expect, it } from 'vitest';
import { DIR, insmod, loaded, lsmod, modinfo, rmmod, tree } from './testkit.ts';
import { lsmodLine } from './lsmod.ts';

describe('insmod', () => {
  it('inserts one file with joined parameters and no dependency resolution', () => {
    const h = tree({ dep: [], m: ['dep'] }, { '/tmp/x.ko': '' });
    expect(insmod(h, '/tmp/x.ko', 'a=1', 'b=c d')).toMatchObject({ status: 0, calls: ['finit x a=1 b="c d"'] });
    expect(insmod(h, `${DIR}/kernel/m.ko`)).toMatchObject({
      status: 1, stderr: `insmod: ERROR: could not insert module ${DIR}/kernel/m.ko: Unknown symbol in module\n`,
    });
  });

  it('messages: missing filename, stdin, missing file, insmod wording of kernel errors', () => {
    const h = tree({ m: [] }, { '/tmp/bad.ko': '\x01', '/tmp/inv.ko': '' });
    expect(insmod(h)).toMatchObject({ status: 1, stderr: 'insmod: ERROR: missing filename.\n' });
    expect(insmod(h, '-').stderr).toBe('insmod: ERROR: this tool does not support loading from stdin!\n');
    expect(insmod(h, '/nope.ko').stderr).toBe('insmod: ERROR: could not load module /nope.ko: No such file or directory\n');
    expect(insmod(h, '/tmp/bad.ko').stderr).toBe('insmod: ERROR: could not insert module /tmp/bad.ko: Invalid module format\n');
    insmod(h, `${DIR}/kernel/m.ko`);
    expect(insmod(h, `${DIR}/kernel/m.ko`).stderr).toBe(`insmod: ERROR: could not insert module ${DIR}/kernel/m.ko: File exists\n`);
    h.initResult.set('inv', -22);
    expect(insmod(h, '/tmp/inv.ko').stderr).toBe('insmod: ERROR: could not insert module /tmp/inv.ko: Invalid parameters\n');
  });
});

describe('rmmod', () => {
  it('fact 18: not loaded (normalized name, no period), builtin, in use by, in use', () => {
    const h = tree({ lib: [], user: ['lib'], busy: [] }, { [`${DIR}/modules.builtin`]: 'kernel/fs/tinyfs.ko\n' });
    h.preload('lib');
    h.preload('user', ['lib']);
    h.preload('busy');
    h.find('busy')!.refcnt = 2;
    expect(rmmod(h, 'touch-pad').stderr).toBe('rmmod: ERROR: Module touch_pad is not currently loaded\n');
    expect(rmmod(h, 'tinyfs').stderr).toBe('rmmod: ERROR: Module tinyfs is builtin.\n');
    expect(rmmod(h, 'lib').stderr).toBe('rmmod: ERROR: Module lib is in use by: user\n');
    expect(rmmod(h, 'busy').stderr).toBe('rmmod: ERROR: Module busy is in use\n');
  });

  it('fact 18: reads no config (no remove commands), continues past failures, exits 1 if any failed', () => {
    const h = tree({ a: [], b: [] }, { '/etc/modprobe.d/r.conf': 'remove a /bin/true\n' });
    h.preload('a');
    h.preload('b');
    const r = rmmod(h, 'nosuch', 'a', 'b');
    expect(r.status).toBe(1);
    expect(r.calls).toEqual(['delete a', 'delete b']);
    expect(loaded(h)).toEqual([]);
    expect(rmmod(h)).toMatchObject({ status: 1, stderr: 'rmmod: ERROR: missing module name.\n' });
  });

  it('success is silent even with -v; a path argument names the module by its file', () => {
    const h = tree({ 'touch-pad': [] });
    h.preload('touch_pad');
    expect(rmmod(h, '-v', `${DIR}/kernel/touch-pad.ko`)).toMatchObject({ status: 0, stdout: '', stderr: '', calls: ['delete touch_pad'] });
  });

  it('-f skips the checks and forces the delete (O_TRUNC)', () => {
    const h = tree({ busy: [] });
    h.preload('busy');
    h.find('busy')!.refcnt = 1;
    expect(rmmod(h, '-f', 'busy')).toMatchObject({ status: 0, calls: ['delete busy'] });
  });
});

describe('lsmod', () => {
  it('fact 19: header, %-19s %8ld  %d and holders joined by commas, newest first, no trailing space', () => {
    const h = tree({});
    h.preload('soundcore');
    h.preload('snd', ['soundcore']);
    h.preload('snd_pcm', ['snd', 'soundcore']);
    expect(lsmod(h).stdout).toBe(
      'Module                  Size  Used by\n' +
      'snd_pcm                16384  0\n' +
      'snd                    16384  1 snd_pcm\n' +
      'soundcore              16384  2 snd,snd_pcm\n',
    );
  });

  it('fact 19: any argument is an error', () => {
    expect(lsmod(tree({}), 'x')).toMatchObject({ status: 1, stderr: 'lsmod: ERROR: too many arguments provided.\n' });
  });

  it('fact 20: /proc/modules lines (name size refcnt users, state addr) are what lsmod lists', () => {
    const h = tree({});
    h.preload('soundbar');
    expect(h.procModules()).toBe('soundbar 16384 0 - Live 0x0000000000000000\n');
    expect(lsmodLine('a_very_long_module_name_x', 123456789, 10, [])).toBe('a_very_long_module_name_x 123456789  10\n');
  });
});

describe('modinfo', () => {
  const ko = 'license=GPL\ndescription=Touch pad\nauthor=A\nparm=debug:Debug level\nparmtype=debug:int\nparmtype=rate:uint\nalias=usb:v1*\ndepends=\nvermagic=6.1.0 SMP mod_unload\n';

  it('prints fields padded to 16 columns, parameters last (newest first-seen first)', () => {
    const h = tree({ 'touch-pad': [] });
    h.put(`${DIR}/kernel/touch-pad.ko`, ko);
    expect(modinfo(h, 'touch-pad').stdout).toBe(
      `filename:       ${DIR}/kernel/touch-pad.ko\nlicense:        GPL\ndescription:    Touch pad\nauthor:         A\n` +
      'alias:          usb:v1*\ndepends:        \nvermagic:       6.1.0 SMP mod_unload\n' +
      'parm:           rate:uint\nparm:           debug:Debug level (int)\n',
    );
  });

  it('-F field, -p parameters, -n filename, -0 NUL separator', () => {
    const h = tree({ m: [] });
    h.put(`${DIR}/kernel/m.ko`, ko);
    expect(modinfo(h, '-F', 'license', 'm').stdout).toBe('GPL\n');
    expect(modinfo(h, '-p', 'm').stdout).toBe('rate: (uint)\ndebug:Debug level (int)\n');
    expect(modinfo(h, '-n', 'm').stdout).toBe(`${DIR}/kernel/m.ko\n`);
    expect(modinfo(h, '-0', '-F', 'author', 'm').stdout).toBe('A\0');
  });

  it('test_modinfo_builtin: a built-in module reads modules.builtin.modinfo', () => {
    const h = tree({}, {
      [`${DIR}/modules.builtin`]: 'kernel/arch/x86/events/intel/intel-uncore.ko\n',
      [`${DIR}/modules.builtin.modinfo`]: "intel_uncore.license=GPL\0intel_uncore.file=arch/x86/events/intel/intel-uncore\0intel_uncore.description=Support for Intel uncore performance events\0intel_uncore.parm=uncore_no_discover:Don't enable the Intel uncore PerfMon discovery mechanism (default: enable the discovery mechanism).\0intel_uncore.parmtype=uncore_no_discover:bool\0other.license=MIT\0",
    });
    expect(modinfo(h, 'intel_uncore').stdout).toBe(
      'name:           intel_uncore\nfilename:       (builtin)\nlicense:        GPL\nfile:           arch/x86/events/intel/intel-uncore\n' +
      'description:    Support for Intel uncore performance events\n' +
      "parm:           uncore_no_discover:Don't enable the Intel uncore PerfMon discovery mechanism (default: enable the discovery mechanism). (bool)\n",
    );
  });

  it('not found messages; missing argument', () => {
    const h = tree({});
    expect(modinfo(h, 'nosuch')).toMatchObject({ status: 1, stderr: 'modinfo: ERROR: Module nosuch not found.\n' });
    expect(modinfo(h, '-m', 'nosuch').stderr).toBe('modinfo: ERROR: Module name nosuch not found.\n');
    expect(modinfo(h).stderr).toBe('modinfo: ERROR: missing module or filename.\n');
  });
});
