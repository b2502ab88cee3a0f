import { describe, expect, it } from 'vitest';
import { DIR, kmodRun, tree } from './testkit.ts';

describe('kmod multiplexer', () => {
  it('kmod --version prints the version and the feature line', () => {
    expect(kmodRun(tree({}), 'kmod', '--version')).toMatchObject({
      status: 0, stdout: 'kmod version 34\n-ZSTD -XZ -ZLIB -OPENSSL -MBEDTLS\n',
    });
  });

  it('kmod list is lsmod; its messages still say kmod', () => {
    const h = tree({});
    h.preload('soundcore');
    expect(kmodRun(h, '/usr/bin/kmod', 'list').stdout).toBe('Module                  Size  Used by\nsoundcore              16384  0\n');
    expect(kmodRun(h, 'kmod', 'list', 'x').stderr).toBe('kmod: ERROR: too many arguments provided.\n');
  });

  it('argv[0] picks the tool, as kmod\'s symlinks do; an unknown name exits 1 silently', () => {
    const h = tree({ a: [] });
    expect(kmodRun(h, '/sbin/modprobe', '-v', 'a').stdout).toBe(`insmod ${DIR}/kernel/a.ko \n`);
    expect(kmodRun(h, '/sbin/lsmod').stdout).toContain('a                      16384  0\n');
    expect(kmodRun(h, '/tmp/frob', 'a')).toEqual({ status: 1, stdout: '', stderr: '', calls: [] });
  });

  it('missing or invalid command: message on stderr, help on stdout, exit 1', () => {
    const r = kmodRun(tree({}), 'kmod');
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('missing command\n');
    expect(r.stdout).toContain('kmod also handles gracefully if called from following symlinks:\n  lsmod        compat lsmod command\n');
    expect(kmodRun(tree({}), 'kmod', 'frob').stderr).toBe("invalid command 'frob'\n");
  });

  it('kmod static-nodes prints modules.devname in the chosen format', () => {
    const h = tree({}, { [`${DIR}/modules.devname`]: '# Device nodes to trigger on-demand module loading.\nfuse fuse c10:229\n' });
    expect(kmodRun(h, 'kmod', 'static-nodes', '-f', 'tmpfiles').stdout).toBe('c! /dev/fuse 0600 - - - 10:229\n');
    expect(kmodRun(h, 'kmod', 'static-nodes').stdout).toBe('Module: fuse\n\tDevice node: /dev/fuse\n\t\tType: character device\n\t\tMajor: 10\n\t\tMinor: 229\n');
  });
});
