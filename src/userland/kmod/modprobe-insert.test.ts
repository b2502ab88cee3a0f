import { describe, expect, it } from 'vitest';
import { DIR, loaded, modprobe, tree } from './testkit.ts';
import { MemHost } from './memhost.ts';

const NF = (name: string, dir = DIR) => `modprobe: FATAL: Module ${name} not found in directory ${dir}\n`;

describe('modprobe: insertion', () => {
  it('fact 1: `modprobe -q -- NAME` for a missing module is silent and exits 1', () => {
    const h = tree({ a: [] });
    expect(modprobe(h, '-q', '--', 'nosuch')).toMatchObject({ status: 1, stdout: '', stderr: '' });
  });

  it('fact 2: every failure exits 1 and success exits 0, never another code', () => {
    const h = tree({ a: [], b: [] });
    h.initResult.set('b', -19);
    expect(modprobe(h, 'a').status).toBe(0);
    expect(modprobe(h, 'b').status).toBe(1);
    expect(modprobe(h, 'nosuch').status).toBe(1);
    expect(modprobe(h, '--bogus').status).toBe(1);
    expect(modprobe(h).status).toBe(1);
  });

  it('fact 3: not found prints FATAL with the name as typed and stops at once', () => {
    const h = tree({ a: [] });
    const r = modprobe(h, 'No-Such', 'x=1');
    expect(r).toMatchObject({ status: 1, stderr: NF('No-Such') });
    expect(modprobe(h, '').stderr).toBe(NF(''));
  });

  it('fact 3: with -a the not-found line is a WARNING and the next argument is processed', () => {
    const h = tree({ a: [] });
    const r = modprobe(h, '-a', 'nosuch', 'a');
    expect(r.stderr).toBe(`modprobe: WARNING: Module nosuch not found in directory ${DIR}\n`);
    expect(r.status).toBe(1);
    expect(loaded(h)).toEqual(['a']);
  });

  it('fact 3: -d prefixes the module directory in the message; -S changes the release', () => {
    const h = tree({ a: [] });
    expect(modprobe(h, '-d', '/alt', 'x').stderr).toBe(NF('x', '/alt/lib/modules/6.1.0'));
    expect(modprobe(h, '-S', '9.9', 'x').stderr).toBe(NF('x', '/lib/modules/9.9'));
  });

  it('fact 4: insmod lines: trailing space with no options or config-only options, none after command-line options', () => {
    const h = tree({ dep: [], top: ['dep'] }, { '/etc/modprobe.d/o.conf': 'options dep d=1\noptions top t=1\n' });
    expect(modprobe(h, '-v', 'top', 'x=2').stdout).toBe(
      `insmod ${DIR}/kernel/dep.ko d=1 \ninsmod ${DIR}/kernel/top.ko t=1 x=2\n`,
    );
    const h2 = tree({ plain: [] });
    expect(modprobe(h2, '-v', 'plain').stdout).toBe(`insmod ${DIR}/kernel/plain.ko \n`);
  });

  it('fact 4: the dev tree prints the plan with -n alone, without loading', () => {
    const h = tree({ plain: [] });
    const r = modprobe(h, '-n', 'plain');
    expect(r.stdout).toBe(`insmod ${DIR}/kernel/plain.ko \n`);
    expect(loaded(h)).toEqual([]);
  });

  it('fact 5: dependencies load in reverse modules.dep order (deepest first), then the module', () => {
    const h = tree({ ringlib: [], vidbuf: ['ringlib'], camcore: ['vidbuf', 'ringlib'] });
    const r = modprobe(h, 'camcore');
    expect(r.calls).toEqual(['finit ringlib', 'finit vidbuf', 'finit camcore']);
  });

  it('fact 5: only the module\'s own line is read (a hand-written cyclic modules.dep loads without a word)', () => {
    const h = tree({ ping: ['pong'], pong: ['ping'] });
    h.put(`${DIR}/kernel/ping.ko`, '');
    h.put(`${DIR}/kernel/pong.ko`, '');
    const r = modprobe(h, 'ping');
    expect(r).toMatchObject({ status: 0, stderr: '' });
    expect(r.calls).toEqual(['finit pong', 'finit ping']);
  });

  it('fact 6: live dependencies are skipped; a live or built-in target is a silent success', () => {
    const h = tree({ dep: [], top: ['dep'] }, { [`${DIR}/modules.builtin`]: 'kernel/fs/tinyfs/tinyfs.ko\n' });
    h.preload('dep');
    expect(modprobe(h, '-v', 'top').calls).toEqual(['finit top']);
    expect(modprobe(h, '-v', 'top')).toMatchObject({ status: 0, stdout: '', calls: [] });
    expect(modprobe(h, '-v', 'tinyfs')).toMatchObject({ status: 0, stdout: '', stderr: '', calls: [] });
  });

  it('fact 6: --first-time turns an already loaded or built-in module into an error', () => {
    const h = tree({ a: [] }, { [`${DIR}/modules.builtin`]: 'kernel/fs/tinyfs/tinyfs.ko\n' });
    h.preload('a');
    expect(modprobe(h, '--first-time', 'a')).toMatchObject({ status: 1, stderr: "modprobe: ERROR: could not insert 'a': Module already in kernel\n" });
    expect(modprobe(h, '--first-time', 'tinyfs').stderr).toBe("modprobe: ERROR: could not insert 'tinyfs': Module already in kernel\n");
  });

  it('fact 16: a failing hard dependency stops the run and is reported under the requested module', () => {
    const h = tree({ dep: [], top: ['dep'] });
    h.initResult.set('dep', -19);
    const r = modprobe(h, 'top');
    expect(r).toMatchObject({ status: 1, stderr: "modprobe: ERROR: could not insert 'top': No such device\n" });
    expect(r.calls).toEqual(['finit dep']);
  });

  it('fact 16: ENOENT gets the unknown-symbol text; a missing .ko file too', () => {
    const h = tree({ a: [] });
    h.initResult.set('a', -2);
    expect(modprobe(h, 'a').stderr).toBe("modprobe: ERROR: could not insert 'a': Unknown symbol in module, or unknown parameter (see dmesg)\n");
    const h2 = tree({ gone: [] });
    h2.remove(`${DIR}/kernel/gone.ko`);
    expect(modprobe(h2, 'gone').stderr).toBe("modprobe: ERROR: could not insert 'gone': Unknown symbol in module, or unknown parameter (see dmesg)\n");
  });

  it('fact 16: other kernel errors print strerror', () => {
    const h = tree({ a: [] });
    h.put(`${DIR}/kernel/a.ko`, '\x01binary');
    expect(modprobe(h, 'a').stderr).toBe("modprobe: ERROR: could not insert 'a': Exec format error\n");
  });

  it('fact 23: without -a/-r extra arguments are parameters, even ones that look like names', () => {
    const h = tree({ lumen: [], 'touch-pad': [] });
    const r = modprobe(h, 'lumen', 'touch-pad');
    expect(r.calls).toEqual(['finit lumen touch-pad']);
  });

  it('fact 23: an argument starting with / or ./ is a file; its dependencies still come from modules.dep', () => {
    const h = tree({ dep: [], x: ['dep'] }, { '/home/u/x.ko': 'depends=dep\n' });
    h.cwd = '/home/u';
    expect(modprobe(h, '-v', './x.ko').stdout).toBe(`insmod ${DIR}/kernel/dep.ko \ninsmod /home/u/./x.ko \n`);
    expect(modprobe(h, '/nope/y.ko')).toMatchObject({
      status: 1, stderr: 'modprobe: FATAL: Failed to get module from path /nope/y.ko: No such file or directory\n',
    });
  });

  it('fact 29: could not insert names the resolved (underscored) module, not the alias typed', () => {
    const h = tree({ 'eth-fast': [] }, { '/etc/modprobe.d/a.conf': 'alias net-turbo eth-fast\n' });
    h.initResult.set('eth_fast', -1);
    expect(modprobe(h, 'net-turbo').stderr).toBe("modprobe: ERROR: could not insert 'eth_fast': Operation not permitted\n");
  });

  it('fact 26: -D lists every step, loaded modules included, and runs nothing', () => {
    const h = tree({ dep: [], top: ['dep'] }, { '/etc/modprobe.d/i.conf': 'install top /bin/true\n' });
    h.preload('dep');
    const r = modprobe(h, '-D', 'top');
    expect(r.stdout).toBe(`insmod ${DIR}/kernel/dep.ko \ninstall /bin/true \n`);
    expect(r.calls).toEqual([]);
  });

  it('fact 26: -n skips loaded modules, prints the rest, and changes nothing', () => {
    const h = tree({ dep: [], top: ['dep'] });
    h.preload('dep');
    const r = modprobe(h, '-n', '-v', 'top');
    expect(r.stdout).toBe(`insmod ${DIR}/kernel/top.ko \n`);
    expect(r.calls).toEqual([]);
  });

  it('modprobe_show_depends / _depends2 / _no_load (kmod testsuite)', () => {
    const h = new MemHost();
    h.release = '4.4.4';
    h.put('/lib/modules/4.4.4/modules.dep', 'kernel/mod-simple.ko:\nkernel/mod-loop-b.ko:\nkernel/mod-loop-a.ko: kernel/mod-loop-b.ko\n');
    for (const m of ['mod-simple', 'mod-loop-a', 'mod-loop-b']) h.put(`/lib/modules/4.4.4/kernel/${m}.ko`, '');
    expect(modprobe(h, '--show-depends', 'mod-loop-a').stdout).toBe(
      'insmod /lib/modules/4.4.4/kernel/mod-loop-b.ko \ninsmod /lib/modules/4.4.4/kernel/mod-loop-a.ko \n',
    );
    expect(modprobe(h, '--show-depends', 'mod-simple').stdout).toBe('insmod /lib/modules/4.4.4/kernel/mod-simple.ko \n');
    expect(loaded(h)).toEqual([]);
  });

  it('modprobe_external: an absolute modules.dep path is used as is', () => {
    const h = tree({});
    h.put(`${DIR}/modules.dep`, '/lib/modules/external/mod-simple.ko:\n');
    h.put('/lib/modules/external/mod-simple.ko', '');
    expect(modprobe(h, '-v', 'mod-simple').stdout).toBe('insmod /lib/modules/external/mod-simple.ko \n');
    expect(loaded(h)).toEqual(['mod_simple']);
  });

  it('modprobe_force*: --force, --force-modversion and --force-vermagic pass the ignore flags to finit_module', () => {
    const h = tree({ 'mod-simple': [] });
    modprobe(h, '--force-vermagic', 'mod-simple');
    expect(h.find('mod_simple')?.flags).toBe(2);
    modprobe(h, '-r', 'mod-simple');
    modprobe(h, '--force-modversion', 'mod-simple');
    expect(h.find('mod_simple')?.flags).toBe(1);
    modprobe(h, '-r', 'mod-simple');
    modprobe(h, '-f', 'mod-simple');
    expect(h.find('mod_simple')?.flags).toBe(3);
  });

  it('an alias resolving to several modules processes each; the last status counts', () => {
    const h = tree({ a: [], b: [] }, { '/etc/modprobe.d/a.conf': 'alias twist a\nalias twist b\n' });
    h.initResult.set('a', -19);
    const r = modprobe(h, 'twist');
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("modprobe: ERROR: could not insert 'a': No such device\n");
    expect(loaded(h)).toEqual(['b']);
  });
});
