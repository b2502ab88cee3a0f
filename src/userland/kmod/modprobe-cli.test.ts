import { describe, expect, it } from 'vitest';
import { DIR, loaded, modprobe, runTool, tree } from './testkit.ts';
import { modprobeMain } from './modprobe.ts';

const builtin = () => tree({ m: [] }, { [`${DIR}/modules.builtin`]: 'kernel/net/unix/unix.ko\n' });

describe('modprobe: command line, built-ins, messages', () => {
  it('fact 21 / modprobe_builtin: a built-in module succeeds silently and loads nothing', () => {
    expect(modprobe(builtin(), '-v', 'unix')).toMatchObject({ status: 0, stdout: '', stderr: '', calls: [] });
  });

  it('fact 21 / modprobe_builtin_lookup_only: -R prints the built-in name', () => {
    expect(modprobe(builtin(), '-R', 'unix').stdout).toBe('unix\n');
  });

  it('fact 21: -D prints builtin X; -r fails with is builtin.', () => {
    const h = builtin();
    expect(modprobe(h, '-D', 'unix').stdout).toBe('builtin unix\n');
    expect(modprobe(h, '-r', 'unix').stderr).toBe('modprobe: FATAL: Module unix is builtin.\n');
  });

  it('fact 21: modules.builtin is checked before sysfs', () => {
    const h = builtin();
    h.builtinSysfs.add('unix');
    expect(modprobe(h, '--first-time', 'unix').stderr).toBe("modprobe: ERROR: could not insert 'unix': Module already in kernel\n");
  });

  it('fact 22: missing parameters ignores -q; -q changes neither the exit status nor stdout listings', () => {
    const h = tree({ a: [] }, { '/etc/modprobe.d/a.conf': 'alias x a\n' });
    expect(modprobe(h, '-q')).toMatchObject({ status: 1, stderr: 'modprobe: ERROR: missing parameters. See -h.\n' });
    expect(modprobe(h, '-q', '-R', 'x')).toMatchObject({ status: 0, stdout: 'a\n' });
    expect(modprobe(h, '-q', '-c').stdout).toContain('alias x a\n');
    expect(modprobe(h, '-q', '-D', 'x').stdout).toBe(`insmod ${DIR}/kernel/a.ko \n`);
    expect(modprobe(h, '-q', 'nosuch').status).toBe(1);
  });

  it('fact 22: -q resets the verbosity, so -q -v prints no action lines while -v -q is quiet', () => {
    const h = tree({ a: [], b: [] });
    expect(modprobe(h, '-q', '-v', 'a').stdout).toBe('');
    expect(modprobe(h, '-v', '-q', 'b').stdout).toBe('');
    expect(loaded(h).sort()).toEqual(['a', 'b']);
  });

  it('fact 23: after -- even -v is a module name', () => {
    expect(modprobe(tree({}), '--', '-v').stderr).toBe(`modprobe: FATAL: Module -v not found in directory ${DIR}\n`);
  });

  it('fact 23: getopt errors carry argv[0] as invoked and exit 1', () => {
    const r = runTool(modprobeMain, tree({}), ['/sbin/modprobe', '-x', 'a']);
    expect(r).toMatchObject({ status: 1, stderr: "/sbin/modprobe: invalid option -- 'x'\n" });
  });

  it('fact 25: nothing in modprobe stops an install command that calls modprobe again', () => {
    const h = tree({}, { '/etc/modprobe.d/l.conf': 'install foo /sbin/modprobe foo\n' });
    let depth = 0;
    h.onSystem = (_cmd, envp) => (++depth < 25 ? runTool(modprobeMain, h, ['modprobe', 'foo'], [...envp]).status : 7);
    const r = modprobe(h, 'foo');
    expect(depth).toBe(25);
    expect(r.status).toBe(1);
  });

  it('-V prints the kmod version; -h prints usage on stdout', () => {
    expect(modprobe(tree({}), '-V')).toMatchObject({ status: 0, stdout: 'kmod version 34\n-ZSTD -XZ -ZLIB -OPENSSL -MBEDTLS\n' });
    const h = runTool(modprobeMain, tree({}), ['/sbin/modprobe', '--help']);
    expect(h.stdout.split('\n').slice(0, 2)).toEqual(['Usage:', '\tmodprobe [options] [-i] [-b] modulename']);
  });

  it('deprecated spellings warn (dev tree) and still work', () => {
    const h = tree({ a: [] });
    expect(modprobe(h, '--show', 'a')).toMatchObject({
      stdout: `insmod ${DIR}/kernel/a.ko \n`,
      stderr: 'modprobe: WARNING: --show is deprecated and scheduled for removal; use --dry-run\n',
    });
    expect(modprobe(h, '--resolve-alias', 'a').stderr).toBe('modprobe: WARNING: --resolve-alias is deprecated and scheduled for removal; use --show-alias\n');
  });

  it('-w with a bad value', () => {
    expect(modprobe(tree({}), '-r', '-w', 'soon', 'a')).toMatchObject({ status: 1, stderr: "modprobe: ERROR: unexpected wait value 'soon'.\n" });
  });

  it('with stderr closed, messages go to syslog automatically', () => {
    const h = tree({});
    h.stderrOpen = false;
    expect(modprobe(h, 'nosuch').stderr).toBe('');
    expect(h.consoleOut).toBe(`modprobe: FATAL: Module nosuch not found in directory ${DIR}\n\r\n`);
  });

  it('--show-exports prints each exported symbol with a zero CRC; --show-modversions has no __versions', () => {
    const h = tree({ m: [] });
    h.put(`${DIR}/kernel/m.ko`, 'export=m_one\nexport=m_two\n');
    expect(modprobe(h, '--show-exports', 'm').stdout).toBe('0x00000000\tm_one\n0x00000000\tm_two\n');
    expect(modprobe(h, '--show-modversions', 'm').stderr).toBe('modprobe: FATAL: could not get modversions of m: No data available\n');
  });

  it('-vv lets libkmod INFO lines through with the modprobe prefix', () => {
    const h = tree({ a: [] });
    h.initResult.set('a', -19);
    const r = modprobe(h, '-vv', 'a');
    expect(r.stderr.split('\n')).toEqual([
      'modprobe: INFO: custom logging function 0x55f4c1a0b3c0 registered',
      `modprobe: INFO: Failed to insert module '${DIR}/kernel/a.ko': No such device`,
      "modprobe: ERROR: could not insert 'a': No such device",
      'modprobe: INFO: context 0x55f4c3b2a2a0 released',
      '',
    ]);
  });

  it('a dependency whose file is missing: libkmod reports it (at lookup and again at the probe list) and drops the list', () => {
    const h = tree({ dep: [], top: ['dep'] });
    h.remove(`${DIR}/kernel/dep.ko`);
    const r = modprobe(h, 'top');
    const line = `modprobe: ERROR: ctx=0x55f4c3b2a2a0 path=${DIR}/kernel/dep.ko error=No such file or directory\n`;
    expect(r.stderr).toBe(
      line + line +
      "modprobe: ERROR: could not insert 'top': Unknown symbol in module, or unknown parameter (see dmesg)\n",
    );
    expect(r.calls).toEqual(['finit top']);
  });
});
