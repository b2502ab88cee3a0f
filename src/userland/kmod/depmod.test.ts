import { describe, expect, it } from 'vitest';
import { DIR, depmodRun, kos, modprobe } from './testkit.ts';
import { depmod } from './depmod-core.ts';

const mod = (name: string, info: [string, string][] = []) => ({ path: `${DIR}/kernel/${name}.ko`, relpath: `kernel/${name}.ko`, name, info });

describe('depmod', () => {
  it('fact 24 / depmod_detect_loop: cycles are reported with kmod\'s lines and depmod exits 1', () => {
    const deps: Record<string, string> = {
      d: 'e', e: 'd', i: 'j', h: 'i', j: 'h,k', k: 'h', c: 'a', a: 'b,f,g', b: 'c,f,g', f: '', g: '',
    };
    const mods = Object.entries(deps).map(([n, d]) => mod(`mod_loop_${n}`, d ? [['depends', d.split(',').map((x) => `mod_loop_${x}`).join(',')]] : []));
    const r = depmod(mods, null, null, { verbose: false, printUnknown: false });
    expect(r.ok).toBe(false);
    expect(r.errors.join('')).toBe(
      'depmod: ERROR: Cycle detected: mod_loop_d -> mod_loop_e -> mod_loop_d\n' +
      'depmod: ERROR: Cycle detected: mod_loop_i -> mod_loop_j -> mod_loop_k -> mod_loop_h -> mod_loop_i\n' +
      'depmod: ERROR: Cycle detected: mod_loop_i -> mod_loop_j -> mod_loop_h -> mod_loop_i\n' +
      'depmod: ERROR: Cycle detected: mod_loop_c -> mod_loop_a -> mod_loop_b -> mod_loop_c\n' +
      'depmod: ERROR: Found 9 modules in dependency cycles!\n',
    );
  });

  it('fact 24: two modules that import each other: Cycle detected: pong -> ping -> pong', () => {
    const h = kos({ 'kernel/pong.ko': 'depends=ping\n', 'kernel/ping.ko': 'depends=pong\n' }, { [`${DIR}/modules.order`]: 'kernel/pong.ko\nkernel/ping.ko\n' });
    const r = depmodRun(h);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('depmod: ERROR: Cycle detected: pong -> ping -> pong\ndepmod: ERROR: Found 2 modules in dependency cycles!\n');
    expect(h.files.has(`${DIR}/modules.dep`)).toBe(false);
  });

  it('fact 5: modules.dep holds the full closure, nearest first; paths relative to the module directory', () => {
    const h = kos({
      'kernel/ringlib.ko': '',
      'kernel/vidbuf.ko': 'depends=ringlib\n',
      'kernel/camcore.ko': 'depends=vidbuf\n',
    }, { [`${DIR}/modules.order`]: 'kernel/ringlib.ko\nkernel/vidbuf.ko\nkernel/camcore.ko\n' });
    expect(depmodRun(h).status).toBe(0);
    expect(h.files.get(`${DIR}/modules.dep`)).toBe('kernel/ringlib.ko:\nkernel/vidbuf.ko: kernel/ringlib.ko\nkernel/camcore.ko: kernel/vidbuf.ko kernel/ringlib.ko\n');
    expect(modprobe(h, 'camcore').calls).toEqual(['finit ringlib', 'finit vidbuf', 'finit camcore']);
  });

  it('writes modules.alias, modules.softdep, modules.weakdep, modules.symbols with their headers', () => {
    const h = kos({ 'kernel/net/e1000.ko': 'alias=pci:v00008086d*\nalias=net-pf-99\nexport=e1000_sym\nsoftdep=pre: crc32c\nweakdep=e1000_diag\n' });
    depmodRun(h);
    expect(h.files.get(`${DIR}/modules.alias`)).toBe('# Aliases extracted from modules themselves.\nalias pci:v00008086d* e1000\nalias net-pf-99 e1000\n');
    expect(h.files.get(`${DIR}/modules.softdep`)).toBe('# Soft dependencies extracted from modules themselves.\nsoftdep e1000 pre: crc32c\n');
    expect(h.files.get(`${DIR}/modules.weakdep`)).toBe('# Weak dependencies extracted from modules themselves.\nweakdep e1000 e1000_diag\n');
    expect(h.files.get(`${DIR}/modules.symbols`)).toBe('# Aliases for symbols, used by symbol_request().\nalias symbol:e1000_sym e1000\n');
    expect(modprobe(h, '-R', 'net-pf-99').stdout).toBe('e1000\n');
  });

  it('-n writes the text indexes to stdout and no file', () => {
    const h = kos({ 'kernel/a.ko': '' });
    const r = depmodRun(h, '-n');
    expect(r.stdout).toBe(
      'kernel/a.ko:\n# Aliases extracted from modules themselves.\n# Soft dependencies extracted from modules themselves.\n' +
      '# Weak dependencies extracted from modules themselves.\n# Aliases for symbols, used by symbol_request().\n',
    );
    expect(h.files.has(`${DIR}/modules.dep`)).toBe(false);
  });

  it('-b BASEDIR and a version argument choose the tree; a bad version is refused', () => {
    const h = kos({}, { '/img/lib/modules/9.9.9/kernel/x.ko': '' });
    expect(depmodRun(h, '-b', '/img', '9.9.9').status).toBe(0);
    expect(h.files.get('/img/lib/modules/9.9.9/modules.dep')).toBe('kernel/x.ko:\n');
    expect(depmodRun(h, 'notaversion')).toMatchObject({ status: 1, stderr: 'depmod: ERROR: Bad version passed notaversion\n' });
  });

  it('modules.builtin.modinfo aliases become modules.builtin.alias', () => {
    const h = kos({}, { [`${DIR}/modules.builtin.modinfo`]: 'unix.alias=net-pf-1\0unix.license=GPL\0' });
    depmodRun(h);
    expect(h.files.get(`${DIR}/modules.builtin.alias`)).toBe('alias net_pf_1 unix\n');
  });

  it('a module in updates/ wins over the same name elsewhere', () => {
    const h = kos({ 'kernel/x.ko': '', 'updates/x.ko': '' });
    depmodRun(h);
    expect(h.files.get(`${DIR}/modules.dep`)).toBe('updates/x.ko:\n');
  });

  it('-A without modules.dep reports it and does the work', () => {
    const h = kos({ 'kernel/a.ko': '' });
    // A bare tree: dfdopen() also warns about each optional input it cannot open.
    const missing = (f: string) => `depmod: WARNING: could not open ${f} at ${DIR}: No such file or directory\n`;
    expect(depmodRun(h, '-A')).toMatchObject({
      status: 0,
      stderr: `depmod: ERROR: could not fstatat(${DIR}, modules.dep): No such file or directory\n${missing('modules.order')}${missing('modules.builtin')}${missing('modules.builtin.modinfo')}`,
    });
    expect(h.files.get(`${DIR}/modules.dep`)).toBe('kernel/a.ko:\n');
  });

  it('-A does nothing when no .ko is newer than modules.dep', () => {
    const h = kos({ 'kernel/a.ko': '' }, { [`${DIR}/modules.dep`]: 'stale\n' });
    expect(depmodRun(h, '-A').status).toBe(0);
    expect(h.files.get(`${DIR}/modules.dep`)).toBe('stale\n');
  });
});
