import { describe, expect, it } from 'vitest';
import type { Syscall } from '../../uapi/syscalls.ts';
import { S_IFDIR, S_IFREG } from '../../uapi/fcntl.ts';
import { TestError, dashNumber, testExpr } from './testexpr.ts';

/** Drive the generator, answering stat/lstat/access from a tiny fake file table. */
function run(args: string[]): number {
  const files: Record<string, number> = { '/f': S_IFREG | 0o644, '/d': S_IFDIR | 0o755 };
  const g = testExpr(args, { number: dashNumber });
  let r = g.next();
  while (!r.done) {
    const sc = r.value as Syscall;
    let ans: unknown = -2;
    if ((sc.nr === 'stat' || sc.nr === 'lstat') && sc.path in files) {
      ans = { mode: files[sc.path], size: 1, dev: 1, ino: sc.path.length, uid: 0, gid: 0, mtime: 0 };
    } else if (sc.nr === 'access') ans = sc.path in files ? 0 : -2;
    else if (sc.nr === 'ioctl') ans = -25;
    else if (sc.nr === 'geteuid' || sc.nr === 'getegid') ans = 0;
    r = g.next(ans);
  }
  return r.value;
}

describe('test (dash bltin/test.c)', () => {
  it.each([
    [['-n', 'x'], 0], [['-z', ''], 0], [['x'], 0], [[''], 1], [[], 1], [['a', '=', 'a'], 0], [['a', '!=', 'a'], 1],
    [['1', '-lt', '2'], 0], [['-f', '/f'], 0], [['-d', '/f'], 1], [['!', '-e', '/nope'], 0],
    [['-f', '/f', '-a', '-d', '/d'], 0], [['-f', '/nope', '-o', 'x'], 0], [['(', 'a', ')'], 0],
    [['!'], 0], [['-n'], 0], [['='], 0], [['(', ')'], 1], [['a', '<', 'b'], 0], [['-t', '0'], 1],
    [['!', 'a', '=', 'b'], 0], [['/f', '-ef', '/f'], 0],
  ])('%j -> %i', (args, want) => {
    expect(run(args as string[])).toBe(want);
  });
  it.each([
    [['abc', '-eq', '1'], 'Illegal number: abc'],
    [['1', '-eq'], '-eq: argument expected'],
    [['a', '=', 'b', '=', 'c'], 'b: unexpected operator'],
    [['(', 'x'], 'closing paren expected'],
  ])('%j errors', (args, msg) => {
    expect(() => run(args as string[])).toThrow(new TestError(msg));
  });
});
