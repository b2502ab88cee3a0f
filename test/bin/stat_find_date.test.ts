// stat, find and date against GNU coreutils 9.1 / findutils 4.9 behaviour (recorded on Debian 12,
// LC_ALL=C TZ=UTC). The machine's clock starts at 1700000000 (Tue Nov 14 22:13:20 UTC 2023).
import { describe, expect, it } from 'vitest';
import { kStat } from '../../src/kernel/vfs_api.ts';
import { boot, run } from './harness.ts';

const files = { '/root/t/small': 'hello\n', '/root/t/sub/deep/x.c': 'int x;\n', '/root/t/sub/y.txt': 'y\n', '/root/t/.hid': '' };

describe('stat', () => {
  it('default format, field by field', () => {
    const m = boot({ files });
    const st = kStat(m.k, '/root/t/small');
    if (typeof st === 'number') throw new Error('no file');
    const r = run(['stat', 't/small'], { machine: m });
    const dev = `${st.dev >>> 8},${st.dev & 0xff}`;
    expect(r.stdout).toBe(`  File: t/small\n  Size: 6         \tBlocks: 8          IO Block: 4096   regular file\n` +
      `Device: ${dev}\tInode: ${String(st.ino).padEnd(11)} Links: 1\n` +
      'Access: (0644/-rw-r--r--)  Uid: (    0/    root)   Gid: (    0/    root)\n' +
      'Access: 2023-11-14 22:13:20.000000000 +0000\nModify: 2023-11-14 22:13:20.000000000 +0000\n' +
      'Change: 2023-11-14 22:13:20.000000000 +0000\n Birth: -\n');
  });
  it('devices show their type; symlinks their target', () => {
    const m = boot({ files });
    run(['ln', '-s', 'small', 't/sl'], { machine: m });
    expect(run(['stat', '/dev/null'], { machine: m }).stdout.split('\n')[2]).toMatch(/^Device: \d+,\d+\tInode: \d+ +Links: 1 {5}Device type: 1,3$/);
    const lines = run(['stat', 't/sl'], { machine: m }).stdout.split('\n');
    expect(lines[0]).toBe('  File: t/sl -> small');
    expect(lines[1]).toMatch(/^ {2}Size: 5 {9}\tBlocks: \d+ {10}IO Block: 4096 {3}symbolic link$/);
  });
  it('-c formats (recorded directives)', () => {
    const r = run(['stat', '-c', '%n %s %a %A %F %u %U %g %G %h %B %o %X %Y %w %W %N %m %% %Q', 't/small'], { files });
    expect(r.stdout).toBe("t/small 6 644 -rw-r--r-- regular file 0 root 0 root 1 512 4096 1700000000 1700000000 - 0 't/small' / % ?\n");
  });
  it('--printf interprets escapes and adds no newline', () => {
    expect(run(['stat', '--printf', '%s\\n%n\\t|', 't/small'], { files }).stdout).toBe('6\nt/small\t|');
  });
  it('errors', () => {
    let r = run(['stat', 'nonex']);
    expect(r.stderr).toBe("stat: cannot statx 'nonex': No such file or directory\n");
    expect(r.code).toBe(1);
    r = run(['stat']);
    expect(r.stderr).toBe("stat: missing operand\nTry 'stat --help' for more information.\n");
  });
});

describe('find', () => {
  it('prints every path in directory order', () => {
    expect(run(['find', 't'], { files }).stdout).toBe('t\nt/small\nt/sub\nt/sub/deep\nt/sub/deep/x.c\nt/sub/y.txt\nt/.hid\n');
  });
  it('-name, -type, -o, !, parentheses', () => {
    expect(run(['find', 't', '-name', '*.c'], { files }).stdout).toBe('t/sub/deep/x.c\n');
    expect(run(['find', 't', '-type', 'd'], { files }).stdout).toBe('t\nt/sub\nt/sub/deep\n');
    expect(run(['find', 't', '(', '-name', 'small', '-o', '-name', 'y.txt', ')', '-print'], { files }).stdout).toBe('t/small\nt/sub/y.txt\n');
    expect(run(['find', 't', '!', '-type', 'd', '-name', '*.*'], { files }).stdout).toBe('t/sub/deep/x.c\nt/sub/y.txt\nt/.hid\n');
  });
  it('-maxdepth and -mindepth', () => {
    expect(run(['find', 't', '-maxdepth', '1'], { files }).stdout).toBe('t\nt/small\nt/sub\nt/.hid\n');
    expect(run(['find', 't', '-mindepth', '2', '-type', 'f'], { files }).stdout).toBe('t/sub/deep/x.c\nt/sub/y.txt\n');
    expect(run(['find', 't', '-maxdepth', '0'], { files }).stdout).toBe('t\n');
  });
  it('-exec ... {} ; runs once per file, -exec ... {} + batches', () => {
    expect(run(['find', 't', '-name', 'small', '-exec', 'echo', 'found', '{}', ';'], { files }).stdout).toBe('found t/small\n');
    expect(run(['find', 't', '-type', 'f', '-exec', 'echo', '{}', '+'], { files }).stdout).toBe('t/small t/sub/deep/x.c t/sub/y.txt t/.hid\n');
    expect(run(['find', 't', '-name', '*.txt', '-exec', 'cat', '{}', ';'], { files }).stdout).toBe('y\n');
  });
  it('-exec of a missing command reports and the test is false', () => {
    const r = run(['find', 't/small', '-exec', 'nosuchcmd', '{}', ';', '-o', '-print'], { files });
    expect(r.stderr).toBe("find: 'nosuchcmd': No such file or directory\n");
    expect(r.stdout).toBe('t/small\n');
  });
  it('-prune, -delete, -empty, -size', () => {
    expect(run(['find', 't', '-name', 'sub', '-prune', '-o', '-print'], { files }).stdout).toBe('t\nt/small\nt/.hid\n');
    expect(run(['find', 't', '-empty'], { files }).stdout).toBe('t/.hid\n');
    expect(run(['find', 't', '-size', '-2c', '-type', 'f'], { files }).stdout).toBe('t/.hid\n');
    const m = boot({ files });
    run(['find', 't/sub', '-delete'], { machine: m });
    expect(typeof kStat(m.k, '/root/t/sub')).toBe('number');
  });
  it('errors (recorded messages)', () => {
    const r = run(['find', '/nonexist']);
    expect(r.stderr).toBe("find: '/nonexist': No such file or directory\n");
    expect(r.code).toBe(1);
    expect(run(['find', '.', '-badopt']).stderr).toBe("find: unknown predicate `-badopt'\n");
    expect(run(['find', '.', '-type', 'q']).stderr).toBe('find: Unknown argument to -type: q\n');
    expect(run(['find', '.', '-name']).stderr).toBe("find: missing argument to `-name'\n");
    expect(run(['find', '.', '-exec']).stderr).toBe("find: missing argument to `-exec'\n");
    expect(run(['find', '.', '-name', 'a', 'b']).stderr).toBe("find: paths must precede expression: `b'\n");
  });
});

describe('date', () => {
  it('prints the virtual clock in the C locale format', () => {
    const r = run(['date']);
    expect(r.stdout).toMatch(/^Tue Nov 14 22:13:[23]\d UTC 2023\n$/);
  });
  it('+FORMAT and -d (recorded)', () => {
    expect(run(['date', '-d', '@1700000000']).stdout).toBe('Tue Nov 14 22:13:20 UTC 2023\n');
    expect(run(['date', '-d', '@1700000000', '-R']).stdout).toBe('Tue, 14 Nov 2023 22:13:20 +0000\n');
    expect(run(['date', '-d', '@1700000000', '-Iseconds']).stdout).toBe('2023-11-14T22:13:20+00:00\n');
    expect(run(['date', '-d', '@1700000000', '-Ins']).stdout).toBe('2023-11-14T22:13:20,000000000+00:00\n');
    expect(run(['date', '-d', '2023-11-14 10:00']).stdout).toBe('Tue Nov 14 10:00:00 UTC 2023\n');
    expect(run(['date', '-u', '-d', '@0', '+%F %T']).stdout).toBe('1970-01-01 00:00:00\n');
    expect(run(['date', '--rfc-3339=seconds', '-d', '@1700000000']).stdout).toBe('2023-11-14 22:13:20+00:00\n');
  });
  it('advances with sleep', () => {
    const m = boot();
    const a = Number(run(['date', '+%s'], { machine: m }).stdout);
    run(['sleep', '100'], { machine: m });
    const b = Number(run(['date', '+%s'], { machine: m }).stdout);
    expect(b - a).toBe(100);
  });
  it('errors', () => {
    let r = run(['date', '-d', 'xyz']);
    expect(r.stderr).toBe("date: invalid date 'xyz'\n");
    expect(r.code).toBe(1);
    r = run(['date', '+%s', 'extra']);
    expect(r.stderr).toBe("date: extra operand 'extra'\nTry 'date --help' for more information.\n");
  });
});
