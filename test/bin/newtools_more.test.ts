// The added tools' behaviours that a recording cannot pin down byte for byte: mktemp's names
// (random letters), hostname (the machine's own nodename) and what they leave in the filesystem.
import { describe, expect, it } from 'vitest';
import { DEFAULT_ENV } from '../../src/init/run.ts';
import { boot, run } from './harness.ts';

describe('mktemp creates what it names', () => {
  it('a file 0600 in /tmp from tmp.XXXXXXXXXX by default', () => {
    const m = boot();
    const r = run(['mktemp'], { machine: m });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\/tmp\/tmp\.[A-Za-z0-9]{10}\n$/);
    const st = run(['stat', '-c', '%a %F', r.stdout.trim()], { machine: m });
    expect(st.stdout).toBe('600 regular empty file\n');
  });

  it('-d makes a 0700 directory; the suffix after the X\'s is kept', () => {
    const m = boot();
    const r = run(['mktemp', '-d', '/root/dXXXXX.dir'], { machine: m });
    expect(r.stdout).toMatch(/^\/root\/d[A-Za-z0-9]{5}\.dir\n$/);
    expect(run(['stat', '-c', '%a %F', r.stdout.trim()], { machine: m }).stdout).toBe('700 directory\n');
  });

  it('-u creates nothing; TMPDIR is used by -t; two runs give two names', () => {
    const m = boot();
    const r = run(['mktemp', '-u', '-t', 'fooXXXXXX'], { machine: m, env: [...DEFAULT_ENV, 'TMPDIR=/root'] });
    expect(r.stdout).toMatch(/^\/root\/foo[A-Za-z0-9]{6}\n$/);
    expect(run(['ls', r.stdout.trim()], { machine: m }).code).toBe(2);
    const a = run(['mktemp'], { machine: m }).stdout, b = run(['mktemp'], { machine: m }).stdout;
    expect(a).not.toBe(b);
  });
});

describe('hostname', () => {
  it('prints the nodename uname -n gives; -s cuts at the first dot', () => {
    const m = boot();
    const n = run(['uname', '-n'], { machine: m }).stdout;
    expect(run(['hostname'], { machine: m }).stdout).toBe(n);
    expect(run(['hostname', 'box.example.org'], { machine: m }).code).toBe(0);
    expect(run(['uname', '-n'], { machine: m }).stdout).toBe('box.example.org\n');
    expect(run(['hostname', '-s'], { machine: m }).stdout).toBe('box\n');
  });

  it('-f resolves through /etc/hosts only', () => {
    const m = boot({ files: { '/etc/hosts': '127.0.1.1 box.example.org box\n' } });
    run(['hostname', 'box'], { machine: m });
    expect(run(['hostname', '-f'], { machine: m }).stdout).toBe('box.example.org\n');
    expect(run(['hostname', '-d'], { machine: m }).stdout).toBe('example.org\n');
    expect(run(['hostname', '-i'], { machine: m }).stdout).toBe('127.0.1.1\n');
    run(['hostname', 'other'], { machine: m });
    const r = run(['hostname', '-f'], { machine: m });
    expect([r.stderr, r.code]).toEqual(['hostname: Name or service not known\n', 1]);
  });
});

describe("dd's closing line numbers", () => {
  it('sizes and rates as dd printed them on Debian 12; %g seconds', async () => {
    const { formatG, humanSize } = await import('../../src/userland/bin/dd_stats.ts');
    expect([humanSize(314572800, 1000, ''), humanSize(314572800, 1024, 'i')]).toEqual(['315 MB', '300 MiB']);
    expect([humanSize(5000, 1000, ''), humanSize(5000, 1024, 'i')]).toEqual(['5.0 kB', '4.9 KiB']);
    expect(humanSize(48.3e9, 1000, '', true)).toBe('48.3 GB');
    expect(humanSize(224e3, 1000, '', true)).toBe('224 kB');
    expect(humanSize(0, 1000, '', true)).toBe('0.0 kB');
    expect([formatG(5.3559e-05), formatG(0.00650717), formatG(0.0079262), formatG(2)]).toEqual(['5.3559e-05', '0.00650717', '0.0079262', '2']);
  });
});

describe('du over a tree', () => {
  const files = { '/root/t/f': 'x', '/root/t/s/g': ' '.repeat(5000), '/root/t/s/h': 'y' };
  it('directories after their contents, each with what is below it (ramfs directories take no blocks)', () => {
    const m = boot({ files });
    const r = run(['du', 't'], { machine: m });
    expect(r.stdout).toBe('12\tt/s\n16\tt\n');
    const a = run(['du', '-a', 't'], { machine: m }).stdout.split('\n').filter(Boolean);
    expect(a).toContain('8\tt/s/g');
    expect(a).toContain('4\tt/f');
    expect(a[a.length - 1]).toBe('16\tt');
  });

  it('-s, -S, --max-depth, hard links once', () => {
    const m = boot({ files });
    expect(run(['du', '-s', 't'], { machine: m }).stdout).toBe('16\tt\n');
    expect(run(['du', '-S', 't'], { machine: m }).stdout).toBe('12\tt/s\n4\tt\n');
    expect(run(['du', '-d', '0', 't'], { machine: m }).stdout).toBe('16\tt\n');
    run(['ln', 't/s/g', 't/g2'], { machine: m });
    expect(run(['du', '-s', 't'], { machine: m }).stdout).toBe('16\tt\n');
    expect(run(['du', '-sl', 't'], { machine: m }).stdout).toBe('24\tt\n');
  });
});
