import { describe, expect, it } from 'vitest';
import { DIR, loaded, modprobe, tree } from './testkit.ts';

const conf = (text: string) => ({ '/etc/modprobe.d/t.conf': text });

describe('modprobe: configuration and resolution', () => {
  it('fact 7: a modprobe.d alias shadows a real module of the same name (all hits, no chaining)', () => {
    const h = tree({ a: [], b: [], c: [] }, conf('alias a b\nalias b c\n'));
    expect(modprobe(h, '-R', 'a').stdout).toBe('b\n');
    expect(modprobe(h, 'a').calls).toEqual(['finit b']);
  });

  it('fact 7: modules.dep before symbol:, install names, modules.alias, modules.builtin, modules.builtin.alias', () => {
    const h = tree({ real: [], viaalias: [], symowner: [] }, {
      [`${DIR}/modules.alias`]: '# Aliases extracted from modules themselves.\nalias real viaalias\nalias pci:v1234* viaalias\nalias bi* viaalias\n',
      [`${DIR}/modules.symbols`]: '# Aliases for symbols, used by symbol_request().\nalias symbol:do_thing symowner\n',
      [`${DIR}/modules.builtin`]: 'kernel/fs/bifs.ko\n',
      [`${DIR}/modules.builtin.alias`]: 'alias fs-bifs2 bifs2\n',
      ...conf('install cmdonly /bin/true\n'),
    });
    expect(modprobe(h, '-R', 'real').stdout).toBe('real\n');
    expect(modprobe(h, '-R', 'symbol:do_thing').stdout).toBe('symowner\n');
    expect(modprobe(h, '-R', 'cmdonly').stdout).toBe('cmdonly\n');
    expect(modprobe(h, '-R', 'pci:v1234d5678').stdout).toBe('viaalias\n');
    expect(modprobe(h, '-R', 'bifs').stdout).toBe('viaalias\n');
    expect(modprobe(h, '-R', 'fs-bifs2').stdout).toBe('bifs2\n');
  });

  it('fact 7: modules.alias is not read when modules.dep resolved the name', () => {
    const h = tree({ real: [] }, { [`${DIR}/modules.alias`]: 'alias real other\n' });
    const reads: string[] = [];
    const orig = h.readFile.bind(h);
    h.readFile = function* (p: string) {
      reads.push(p);
      return yield* orig(p);
    };
    modprobe(h, '-q', 'real');
    expect(reads).not.toContain(`${DIR}/modules.alias`);
    modprobe(h, '-q', 'unknown');
    expect(reads).toContain(`${DIR}/modules.alias`);
  });

  it('fact 8: - equals _ in requests and config names; printed paths keep the file name', () => {
    const h = tree({ 'touch-pad': [] }, conf('options touch_pad x=1\n'));
    expect(modprobe(h, '-v', 'touch_pad').stdout).toBe(`insmod ${DIR}/kernel/touch-pad.ko x=1 \n`);
    expect(modprobe(h, '-R', 'touch-pad').stdout).toBe('touch_pad\n');
    expect(modprobe(h, 'a]b').stderr).toBe(`modprobe: FATAL: Module a]b not found in directory ${DIR}\n`);
  });

  it('fact 9: /etc masks the same file name in /usr/lib; files from all directories are read in name order', () => {
    const h = tree({ m: [] }, {
      '/usr/lib/modprobe.d/x.conf': 'options m from=usrlib\n',
      '/etc/modprobe.d/x.conf': 'options m from=etc\n',
      '/lib/modprobe.d/a.conf': 'options m first=lib\n',
      [`${DIR}/modules.softdep`]: '# Soft dependencies extracted from modules themselves.\n',
      '/run/modprobe.d/zz.conf': 'options m last=run\n',
    });
    expect(modprobe(h, '-D', 'm').stdout).toBe(`insmod ${DIR}/kernel/m.ko first=lib from=etc last=run \n`);
  });

  it('fact 9: modules.softdep joins the sorted list and is read even with -C', () => {
    const h = tree({ m: [], s: [] }, {
      [`${DIR}/modules.softdep`]: 'softdep m pre: s\n',
      '/tmp/my.conf': 'options m x=1\n',
    });
    expect(modprobe(h, '-D', '-C', '/tmp/my.conf', 'm').stdout).toBe(`insmod ${DIR}/kernel/s.ko \ninsmod ${DIR}/kernel/m.ko x=1 \n`);
  });

  it('fact 10 / fact 22: a bad config line prints with the libkmod prefix even with -q, and the exit status stays 0', () => {
    const h = tree({ m: [] }, conf('bogus line\n'));
    const r = modprobe(h, '-q', 'm');
    expect(r).toMatchObject({
      status: 0,
      stderr: "libkmod: ERROR: kmod_config_parse: /etc/modprobe.d/t.conf line 1: ignoring bad line starting with 'bogus'\n",
    });
  });

  it('fact 11: options: config lines for the name and the alias, then kernel command line, then parameters', () => {
    const h = tree({ m: [] }, {
      ...conf('options al a=1\noptions m b=2\nalias al m\noptions al c="x y"\n'),
      '/proc/cmdline': 'm.k=9 quiet\n',
    });
    expect(modprobe(h, '-v', 'al', 'p=q r').stdout).toBe(`insmod ${DIR}/kernel/m.ko a=1 b=2 c="x y" k=9 p="q r"\n`);
    expect(h.modules[0].params).toBe('a=1 b=2 c="x y" k=9 p="q r"');
  });

  it('fact 11: dependencies get their config options; command-line parameters go to the requested module only', () => {
    const h = tree({ dep: [], top: ['dep'] }, conf('options dep d=1\n'));
    expect(modprobe(h, 'top', 't=1').calls).toEqual(['finit dep d=1 ', 'finit top t=1']);
  });

  it('fact 12: install runs /bin/sh -c with MODPROBE_MODULE; $CMDLINE_OPTS is the full option string', () => {
    const h = tree({ dep: [], cam: ['dep'] }, conf('options cam base=1\ninstall cam /sbin/camcore $CMDLINE_OPTS && echo done\n'));
    const seen: string[][] = [];
    h.onSystem = (cmd, envp) => {
      seen.push([cmd, envp.find((e) => e.startsWith('MODPROBE_MODULE=')) ?? '']);
      return 0;
    };
    const r = modprobe(h, '-v', 'cam', 'x=1');
    expect(r.stdout).toBe(`insmod ${DIR}/kernel/dep.ko \ninstall /sbin/camcore $CMDLINE_OPTS && echo done base=1 x=1\n`);
    expect(seen).toEqual([['/sbin/camcore base=1 x=1 && echo done', 'MODPROBE_MODULE=cam']]);
    expect(r.calls).toEqual(['finit dep', 'system /sbin/camcore base=1 x=1 && echo done']);
  });

  it('fact 12: no options make $CMDLINE_OPTS vanish; the first fnmatch install line wins', () => {
    const h = tree({ 'lum-x': [] }, conf('install lum[-_]x camcore $CMDLINE_OPTS &&\ninstall lum_x other\n'));
    expect(modprobe(h, 'lum-x').calls).toEqual(['system camcore  &&']);
  });

  it('fact 12: an install command failure gives the libkmod error and Invalid argument', () => {
    const h = tree({ m: [] }, conf('install m /bin/false\n'));
    h.onSystem = () => 3;
    expect(modprobe(h, 'm')).toMatchObject({
      status: 1,
      stderr: "modprobe: ERROR: Error running install command '/bin/false' for module m: retcode 3\nmodprobe: ERROR: could not insert 'm': Invalid argument\n",
    });
  });

  it('fact 12: MODPROBE_OPTIONS gets -q/-v/-s/-C appended for commands to inherit', () => {
    const h = tree({ m: [] }, conf('install m /bin/true\n'));
    let env: readonly string[] = [];
    h.onSystem = (_c, e) => ((env = e), 0);
    modprobe(h, '-q', '-v', '-C', '/etc/modprobe.d', 'm');
    expect(env).toContain('MODPROBE_OPTIONS=-q -v -C /etc/modprobe.d');
  });

  it('fact 12: a module with softdeps ignores its install command', () => {
    const h = tree({ m: [], s: [] }, conf('install m /bin/true\nsoftdep m post: s\n'));
    expect(modprobe(h, 'm').calls).toEqual(['finit m', 'finit s']);
  });

  it('fact 13: -i ignores install commands and softdeps of the named module only', () => {
    const h = tree({ dep: [], top: ['dep'], s1: [], s2: [] }, conf('install top /bin/true\nsoftdep top pre: s1\nsoftdep dep pre: s2\ninstall dep /bin/echo dep\n'));
    expect(modprobe(h, '-i', 'top').calls).toEqual(['finit s2', 'finit dep', 'finit top']);
  });

  it('fact 14: blacklist blocks alias-resolved requests silently; the literal name loads unless -b', () => {
    const h = tree({ snd: [] }, {
      ...conf('blacklist snd\n'),
      [`${DIR}/modules.alias`]: 'alias pci:v0001* snd\n',
    });
    expect(modprobe(h, 'pci:v0001d0002')).toMatchObject({ status: 0, stderr: '', calls: [] });
    expect(modprobe(h, '-b', 'snd')).toMatchObject({ status: 0, calls: [] });
    expect(modprobe(h, 'snd').calls).toEqual(['finit snd']);
  });

  it('fact 14: dependencies and softdep targets are never blacklisted, even with -b', () => {
    const h = tree({ dep: [], top: ['dep'], s: [] }, conf('blacklist dep\nblacklist s\nsoftdep top pre: s\n'));
    expect(modprobe(h, '-b', 'top').calls).toEqual(['finit dep', 'finit s', 'finit top']);
  });

  it('fact 15: pre-softdeps, module, post-softdeps, each with its own dependencies; failures ignored', () => {
    const h = tree({ m: [], pdep: [], pre: ['pdep'], post: [] }, conf('softdep m pre: pre post: post\nsoftdep m pre: ignored\n'));
    h.initResult.set('post', -19);
    const r = modprobe(h, 'm');
    expect(r.calls).toEqual(['finit pdep', 'finit pre', 'finit m', 'finit post']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
  });

  it('fact 15: weakdeps are never loaded (modprobe_weakdep_loop)', () => {
    const h = tree({ 'mod-loop-b': [], 'mod-loop-a': [], 'mod-simple': [] }, conf('weakdep mod-loop-b mod-loop-a mod-simple\n'));
    modprobe(h, 'mod-loop-b');
    expect(loaded(h)).toEqual(['mod_loop_b']);
  });

  it('fact 15: modprobe_softdep_loop: visited flags cut a softdep loop and both load', () => {
    const h = tree({ 'mod-loop-b': [], 'mod-loop-a': ['mod-loop-b'] }, conf('softdep mod-loop-b post: mod-loop-a\n'));
    const r = modprobe(h, 'mod-loop-b');
    expect(r.status).toBe(0);
    expect(loaded(h).sort()).toEqual(['mod_loop_a', 'mod_loop_b']);
  });

  it('fact 25 / modprobe_install_cmd_loop: --ignore-install in the recipe ends the loop', () => {
    const h = tree({ 'mod-loop-b': [], 'mod-loop-a': ['mod-loop-b'] },
      conf('install mod-loop-b $MODPROBE --ignore-install mod-loop-b && { $MODPROBE --quiet mod-loop-a ; }\n'));
    let depth = 0;
    h.onSystem = (cmd, envp) => {
      if (++depth > 10) throw new Error('runaway');
      const env = [...envp, 'MODPROBE=modprobe'];
      const words = cmd.replace(/\$MODPROBE/g, 'modprobe').split(/ && \{ | ; \}/).map((c) => c.trim()).filter((c) => c);
      for (const c of words) {
        const argv = c.split(' ').slice(1);
        const r = modprobeIn(h, argv, env);
        if (r !== 0) return r;
      }
      return 0;
    };
    expect(modprobe(h, 'mod-loop-a').status).toBe(0);
    expect(loaded(h).sort()).toEqual(['mod_loop_a', 'mod_loop_b']);
  });

  it('fact 27: -c groups by kind with normalized names, then the index dump', () => {
    const h = tree({}, {
      ...conf('options e-1 x=1\nalias a-1 b-1\nweakdep mod-loop-a \t\nblacklist bl-1\nremove r-1 /bin/r\ninstall i-1 /bin/i\nsoftdep s-1 pre: p-1 post: q-1\nweakdep mod-loop-b mod-loop-a mod-simple\n'),
      [`${DIR}/modules.alias`]: 'alias usb:z-* zmod\nalias pci:v1* amod\n',
      [`${DIR}/modules.symbols`]: 'alias symbol:foo fmod\n',
    });
    expect(modprobe(h, '-c').stdout).toBe(
      'blacklist bl_1\ninstall i_1 /bin/i\nremove r_1 /bin/r\nalias a_1 b_1\noptions e_1 x=1\n' +
      'softdep s_1 pre: p-1post: q-1\nweakdep mod_loop_a \nweakdep mod_loop_b mod-loop-a mod-simple\n' +
      '\n# End of configuration files. Dumping indexes now:\n\n' +
      'alias pci:v1* amod\nalias usb:z_* zmod\nalias symbol:foo fmod\n',
    );
  });

  it('fact 28: a name only in an install line is a module with no .ko; an alias to a name without a modules.dep line fails', () => {
    const h = tree({}, conf('install cc /bin/echo hi\nalias a b\n'));
    expect(modprobe(h, 'cc').calls).toEqual(['system /bin/echo hi']);
    expect(modprobe(h, 'a')).toMatchObject({
      status: 1,
      stderr: "modprobe: ERROR: could not find module by name='b'\nmodprobe: ERROR: could not insert 'b': Unknown symbol in module, or unknown parameter (see dmesg)\n",
    });
  });

  it('test-weakdep modprobe -c: an empty weakdep list prints with a trailing space; values as written', () => {
    const h = tree({ 'mod-weakdep': [], 'mod-simple': [], 'mod-loop-b': [], 'mod-loop-a': ['mod-loop-b'] }, {
      '/etc/modprobe.d/dumb-weakdep.conf': 'weakdep mod-loop-a \t\nweakdep mod-loop-b mod-loop-a mod-simple\n',
      [`${DIR}/modules.weakdep`]: '# Weak dependencies extracted from modules themselves.\nweakdep mod_weakdep mod-simple\n',
      [`${DIR}/modules.alias`]: '# Aliases extracted from modules themselves.\n',
      [`${DIR}/modules.symbols`]: '# Aliases for symbols, used by symbol_request().\nalias symbol:printB mod_loop_b\nalias symbol:printA mod_loop_a\n',
    });
    expect(modprobe(h, '-c').stdout).toBe(
      'weakdep mod_loop_a \nweakdep mod_loop_b mod-loop-a mod-simple\nweakdep mod_weakdep mod-simple\n' +
      '\n# End of configuration files. Dumping indexes now:\n\n' +
      'alias symbol:printA mod_loop_a\nalias symbol:printB mod_loop_b\n',
    );
  });

  it('modprobe_show_alias_to_none: -D -i of a name aliased to nothing prints nothing and succeeds', () => {
    const h = tree({ 'mod-simple': [] }, conf('alias mod-simple deaddood\n'));
    expect(modprobe(h, '--show-depends', '--ignore-install', 'mod-simple')).toMatchObject({ status: 0, stdout: '', calls: [] });
  });

  it('modprobe_param_kcmdline_show_deps: parameters from /proc/cmdline', () => {
    const h = tree({ 'mod-simple': [] }, { '/proc/cmdline': 'initrd=\\initramfs-linux.img mod_simple.foo mod_simple.bar=1 root=/dev/sda2 rootfstype=ext4 add_efi_memmap quiet rw\n' });
    expect(modprobe(h, '--show-depends', 'mod-simple').stdout).toBe(`insmod ${DIR}/kernel/mod-simple.ko foo bar=1 \n`);
  });

  it('modprobe_param_kcmdline9: modprobe.blacklist= shows in -c and blocks alias requests', () => {
    const h = tree({ foo: [] }, { '/proc/cmdline': 'modprobe.blacklist=foo,bar quiet\n', [`${DIR}/modules.alias`]: 'alias x* foo\n' });
    expect(modprobe(h, '-c').stdout).toBe('blacklist foo\nblacklist bar\n\n# End of configuration files. Dumping indexes now:\n\nalias x* foo\n');
    expect(modprobe(h, 'xyz').calls).toEqual([]);
  });
});

import { runTool } from './testkit.ts';
import { modprobeMain } from './modprobe.ts';
import type { MemHost } from './memhost.ts';

function modprobeIn(h: MemHost, argv: string[], envp: string[]): number {
  const saveOut = h.stdout;
  const saveErr = h.stderr;
  const r = runTool(modprobeMain, h, ['modprobe', ...argv], envp);
  h.stdout = saveOut + r.stdout;
  h.stderr = saveErr + r.stderr;
  return r.status;
}
