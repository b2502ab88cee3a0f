import { describe, expect, it } from 'vitest';
import { parseKcmdline } from './kcmdline.ts';

// The kmod testsuite's module-param-kcmdline fixtures (test-modprobe.c); `-c` prints these as
// `options <mod> <param>` and `blacklist <mod>` lines.
const opts = (cmdline: string) => parseKcmdline(cmdline).options.map((o) => `options ${o.modname} ${o.options}`);

describe('kernel command line options (kmod_config_parse_kcmdline)', () => {
  it('modprobe_param_kcmdline_show_deps: mod_simple.foo and mod_simple.bar=1 among unrelated words', () => {
    expect(opts('initrd=\\initramfs-linux.img mod_simple.foo mod_simple.bar=1 root=/dev/sda2 rootfstype=ext4 add_efi_memmap quiet rw\n'))
      .toEqual(['options mod_simple foo', 'options mod_simple bar=1']);
  });

  it('modprobe_param_kcmdline2: a parameter with no value', () => {
    expect(opts('psmouse.foo psmouse.bar=1 quiet rw\n')).toEqual(['options psmouse foo', 'options psmouse bar=1']);
  });

  it('modprobe_param_kcmdline3: unrelated words with dots or = are ignored', () => {
    expect(opts('BOOT_IMAGE=/boot/vmlinuz-3.12.12-57.g5f654cf-default initrd=\\initramfs-linux.img psmouse.foo psmouse.bar=1 root=/dev/sda2 rootfstype=ext4 add_efi_memmap quiet rw\n'))
      .toEqual(['options psmouse foo', 'options psmouse bar=1']);
  });

  it('modprobe_param_kcmdline4: values that contain dots', () => {
    expect(opts('testmodule.testparam=1.5G\n')).toEqual(['options testmodule testparam=1.5G']);
  });

  it('modprobe_param_kcmdline5: quoted values with spaces; ill-formed quoted words are dropped', () => {
    expect(opts('psmouse.foo psmouse.bar=1 psmouse.foobar="test 1" psmouse."invalid option" " notamodule" "noteamodule2 " notamodule3 quiet rw\n'))
      .toEqual(['options psmouse foo', 'options psmouse bar=1', 'options psmouse foobar="test 1"']);
  });

  it('modprobe_param_kcmdline6: a [14:00.5]-style word does not confuse the parser', () => {
    const p = parseKcmdline('psmouse.foo=2 ivrs_acpihid[14:00.5]=AMD0020:00 psmouse.bar=1 psmouse.zinga=test\n');
    expect(p.options.map((o) => `${o.modname} ${o.options}`)).toEqual(['psmouse foo=2', 'psmouse bar=1', 'psmouse zinga=test']);
    expect(p.errors).toEqual([{
      fn: 'kcmdline_parse_result',
      text: "Ignoring bad option on kernel command line while parsing module name: 'ivrs_acpihid[14:00'",
    }]);
  });

  it('modprobe_param_kcmdline7: a quoted value with spaces is kept as written', () => {
    expect(opts('psmouse.foo parport.dyndbg="file drivers/parport/ieee1284_ops.c +mpf" quiet rw\n'))
      .toEqual(['options psmouse foo', 'options parport dyndbg="file drivers/parport/ieee1284_ops.c +mpf"']);
  });

  it('modprobe_param_kcmdline8: a bootloader-mangled "mod.p=a b" is re-quoted as p="a b"', () => {
    expect(opts('psmouse.foo "parport.dyndbg=file drivers/parport/ieee1284_ops.c +mpf" quiet rw\n'))
      .toEqual(['options psmouse foo', 'options parport dyndbg="file drivers/parport/ieee1284_ops.c +mpf"']);
  });

  it('modprobe_param_kcmdline9: several modprobe.blacklist= words, comma lists included', () => {
    const p = parseKcmdline('modprobe.blacklist=foo,bar modprobe.blacklist=foo2 quiet modprobe.blacklist=bar2 rw modprobe.blacklist=foobar\n');
    expect(p.blacklists).toEqual(['foo', 'bar', 'foo2', 'bar2', 'foobar']);
    expect(p.options).toEqual([]);
  });

  it('module names get underscores; the parameter text is kept', () => {
    expect(opts('snd-hda-intel.model=a-b\n')).toEqual(['options snd_hda_intel model=a-b']);
  });
});
