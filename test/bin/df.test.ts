// GNU df 9.1 on the machine: the numbers come from the kernel's own statfs of each mount, the
// layout is what coreutils 9.1 prints on Linux (header captions, columns as wide as their widest
// cell, Use% rounded up, "-" for 0 blocks); errors and exit statuses as on Debian 12.
import { describe, expect, it } from 'vitest';
import { bootMachine, runSh } from '../../src/init/testing.ts';
import type { Machine } from '../../src/init/machine.ts';
import { statfsOf } from '../../src/kernel/sys_statfs.ts';
import { lookup } from '../../src/kernel/vfs.ts';
import type { Statfs } from '../../src/uapi/statfs.ts';

const profile = '6.6' as const;

function fsOf(m: Machine, path: string): Statfs {
  const nd = lookup(m.k, [...m.k.tasks.values()][0], path);
  if (typeof nd === 'number') throw new Error(`lookup ${path}: ${nd}`);
  return statfsOf(m.k, nd.inode);
}

const pct = (used: number, avail: number): string => (used + avail ? `${Math.ceil((used * 100) / (used + avail))}%` : '-');
const kib = (blocks: number): number => blocks * 4;
/** One df row laid out as print_table() does with the given widths (left, right..., left). */
const row = (cells: (string | number)[], widths: number[]): string =>
  cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[0]) : i === cells.length - 1 ? String(c) : String(c).padStart(widths[i]))).join(' ');

describe('df', () => {
  const m = bootMachine({ profile });
  const root = fsOf(m, '/'), dev = fsOf(m, '/dev'), tmp = fsOf(m, '/tmp');

  it('with no operands: the mounts with blocks, in /proc/mounts order, in 1K-blocks; Use% rounded up', () => {
    const r = runSh('df', { machine: m });
    const mounts: [string, Statfs, string][] = [['rootfs', root, '/'], ['udev', dev, '/dev'], ['tmpfs', tmp, '/tmp']];
    const w = [14, Math.max(9, ...mounts.map(([, s]) => String(kib(s.blocks)).length)), 5, 9, 4];
    expect(r.stdout).toBe([
      row(['Filesystem', '1K-blocks', 'Used', 'Available', 'Use%', 'Mounted on'], w),
      ...mounts.map(([src, s, dir]) => row([src, kib(s.blocks), kib(s.blocks - s.bfree), kib(s.bavail), pct(s.blocks - s.bfree, s.bavail), dir], w)),
    ].join('\n') + '\n');
    expect(r.status).toBe(0);
  });

  it('-a adds the pseudo file systems with 0 blocks and "-" for Use%', () => {
    const r = runSh('df -a', { machine: m });
    const lines = r.stdout.split('\n');
    expect(lines.map((l) => l.split(/ +/)[0])).toEqual(['Filesystem', 'rootfs', 'proc', 'sysfs', 'udev', 'tmpfs', '']);
    expect(lines[2]).toBe(row(['proc', 0, 0, 0, '-', '/proc'], [14, 9, 5, 9, 4]));
  });

  it('FILE operands: the mount holding each; pseudo file systems are shown when named', () => {
    const r = runSh('df /tmp/. /proc/self /dev/null', { machine: m });
    expect(r.stdout.split('\n').slice(1).map((l) => l.split(/ +/).slice(-1)[0])).toEqual(['/tmp', '/proc', '/dev', '']);
  });

  it('-h: Size/Avail captions and human_ceiling sizes in powers of 1024; -H in powers of 1000', () => {
    const r = runSh('df -h /tmp; df -H /tmp', { machine: m });
    const [h, hs] = r.stdout.split('Filesystem').slice(1);
    expect(h.split('\n')[0]).toBe('      Size  Used Avail Use% Mounted on');
    expect(hs.split('\n')[0]).toBe('      Size  Used Avail Use% Mounted on');
    expect(h.split('\n')[1]).toBe(row(['tmpfs', `${(tmp.blocks * 4096) / 2 ** 20}M`, '0', `${(tmp.bavail * 4096) / 2 ** 20}M`, '0%', '/tmp'], [14, 5, 5, 5, 4]));
    // 64 MiB is 67.1 MB: rounded up to 68M.
    expect(hs.split('\n')[1]).toBe(row(['tmpfs', `${Math.ceil((tmp.blocks * 4096) / 1e6)}M`, '0', `${Math.ceil((tmp.bavail * 4096) / 1e6)}M`, '0%', '/tmp'], [14, 5, 5, 5, 4]));
  });

  it('-i: inode columns, IUse% rounded up (one inode of many is 1%)', () => {
    const r = runSh('df -i /tmp', { machine: m });
    const iu = tmp.files - tmp.ffree;
    const w = [14, Math.max(6, String(tmp.files).length), 5, Math.max(5, String(tmp.ffree).length), 5];
    expect(r.stdout).toBe(`${row(['Filesystem', 'Inodes', 'IUsed', 'IFree', 'IUse%', 'Mounted on'], w)}\n${row(['tmpfs', tmp.files, iu, tmp.ffree, pct(iu, tmp.ffree), '/tmp'], w)}\n`);
    expect(pct(iu, tmp.ffree)).toBe('1%');
  });

  it('-T adds Type; -P says 1024-blocks and Capacity; --total adds a "total" row with target "-"', () => {
    const r = runSh('df -T /tmp; df -P /tmp; df --total / /tmp', { machine: m });
    const out = r.stdout.split('\n');
    expect(out[0]).toBe('Filesystem     Type  1K-blocks  Used Available Use% Mounted on');
    expect(out[1].startsWith('tmpfs          tmpfs ')).toBe(true);
    expect(out[2]).toBe('Filesystem     1024-blocks  Used Available Capacity Mounted on');
    const total = out[7].split(/ +/);
    expect(total).toEqual(['total', String(kib(root.blocks + tmp.blocks)), String(kib(root.blocks - root.bfree + tmp.blocks - tmp.bfree)),
      String(kib(root.bavail + tmp.bavail)), pct(root.blocks - root.bfree + tmp.blocks - tmp.bfree, root.bavail + tmp.bavail), '-']);
  });

  it('-BM prints the unit after each size; -B1000, -B512 and -m name their unit in the header', () => {
    const r = runSh('df -BM /tmp; df -B1000 /tmp; df -B512 /tmp; df -m /tmp', { machine: m });
    const heads = r.stdout.split('\n').filter((l) => l.startsWith('Filesystem')).map((l) => l.split(/ +/)[1]);
    expect(heads).toEqual(['1M-blocks', '1kB-blocks', '512B-blocks', '1M-blocks']);
    expect(r.stdout.split('\n')[1].split(/ +/).slice(1, 3)).toEqual([`${(tmp.blocks * 4096) / 2 ** 20}M`, '0M']);
  });

  it('writing a file to /tmp shows in Used', () => {
    const r = runSh('dd if=/dev/zero of=/tmp/f bs=1024 count=100 2>/dev/null; df /tmp', { profile });
    expect(r.stdout.split('\n')[1].split(/ +/)[2]).toBe('100');
  });

  it('--output=FIELDS in the order given; unknown and repeated fields are usage errors', () => {
    const r = runSh('df --output=target,size /tmp', { machine: m });
    expect(r.stdout).toBe(`Mounted on 1K-blocks\n${'/tmp'.padEnd(10)} ${String(kib(tmp.blocks)).padStart(9)}\n`);
    const bad = runSh('df --output=foo; echo $?; df --output=size,size; echo $?; df -i --output; df -P --output', { machine: m });
    expect(bad.stderr).toBe(
      "df: option --output: field 'foo' unknown\nTry 'df --help' for more information.\n" +
      "df: option --output: field 'size' used more than once\nTry 'df --help' for more information.\n" +
      "df: options -i and --output are mutually exclusive\nTry 'df --help' for more information.\n" +
      "df: options -P and --output are mutually exclusive\nTry 'df --help' for more information.\n");
    expect(bad.stdout).toBe('1\n1\n');
  });

  it('errors: a missing FILE (status 1, the others still shown), bad -B, -t/-x conflicts, nothing left', () => {
    const r = runSh('df /nonexistent; echo $?; df /nonexistent /tmp >/dev/null; echo $?; df -B x; echo $?; df --block-size=0; df -B 10Q; df -t tmpfs -x tmpfs; echo $?; df -t foo; echo $?; df -Q', { machine: m });
    expect(r.stdout).toBe('1\n1\n1\n1\n1\n');
    expect(r.stderr).toBe(
      'df: /nonexistent: No such file or directory\ndf: /nonexistent: No such file or directory\n' +
      "df: invalid -B argument 'x'\ndf: invalid --block-size argument '0'\ndf: invalid suffix in -B argument '10Q'\n" +
      "df: file system type 'tmpfs' both selected and excluded\ndf: no file systems processed\n" +
      "df: invalid option -- 'Q'\nTry 'df --help' for more information.\n");
  });

  it('-t and -x select by type', () => {
    const r = runSh('df -t tmpfs; df -x tmpfs -x devtmpfs', { machine: m });
    expect(r.stdout.split('\n').filter((l) => !l.startsWith('Filesystem')).map((l) => l.split(' ')[0])).toEqual(['tmpfs', 'rootfs', '']);
  });
});
