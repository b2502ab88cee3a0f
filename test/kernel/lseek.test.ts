// lseek() where it is not a plain file: directories (libfs dcache_dir_lseek, with getdents
// reading from the entry index f_pos) and drivers/char/mem.c's null_lseek (/dev/null, /dev/zero
// and /dev/full accept any seek and stay at 0). GNU od skips with lseek, so `od -j` shows them;
// its expected outputs are what coreutils 9.1 prints on Linux 6.1 (Debian 12).
import { describe, expect, it } from 'vitest';
import { O_DIRECTORY, O_RDONLY, SEEK_CUR, SEEK_END, SEEK_SET } from '../../src/uapi/fcntl.ts';
import { nativeImage } from '../../src/uapi/syscalls.ts';
import type { UserGen } from '../../src/uapi/syscalls.ts';
import { getdents, lseek, open, write } from '../../src/userland/lib/sys.ts';
import { Machine } from '../../src/init/machine.ts';
import { startProcess } from '../../src/init/run.ts';
import { runSh } from '../../src/init/testing.ts';
import { runUntil } from '../reliability/harness.ts';

function* probe(): UserGen {
  const out: unknown[] = [];
  const names = (r: unknown): unknown => (typeof r === 'number' ? r : (r as { name: string }[]).map((e) => e.name).join(' '));
  const fd = yield* open('/d', O_RDONLY | O_DIRECTORY);
  out.push(names(yield* getdents(fd)), names(yield* getdents(fd)));
  out.push(yield* lseek(fd, 0, SEEK_SET), names(yield* getdents(fd)));
  out.push(yield* lseek(fd, 2, SEEK_SET), names(yield* getdents(fd)));
  out.push(yield* lseek(fd, -1, SEEK_CUR), names(yield* getdents(fd)));
  out.push(yield* lseek(fd, 0, SEEK_END), yield* lseek(fd, -9, SEEK_CUR));
  const nul = yield* open('/dev/null', O_RDONLY);
  out.push(yield* lseek(nul, 5, SEEK_SET), yield* lseek(nul, 7, SEEK_CUR), yield* lseek(nul, -3, SEEK_END));
  yield* write(1, JSON.stringify(out));
  return 0;
}

describe('lseek on a directory (dcache_dir_lseek) and getdents from f_pos', () => {
  it('rewinds, skips "." and "..", and refuses SEEK_END and negative positions with EINVAL', () => {
    const m = new Machine({
      programs: { probe },
      files: { '/bin/probe': { content: nativeImage('probe'), mode: 0o755 }, '/d/a': { content: 'a', mode: 0o644 }, '/d/b': { content: 'b', mode: 0o644 } },
    }).boot();
    const r = startProcess(m.k, { path: '/bin/probe', argv: ['probe'] });
    expect(runUntil(m, () => r.finished, 1000)).toBe(true);
    expect(JSON.parse(r.stdout.data)).toEqual([
      '. .. a b', '',
      0, '. .. a b',
      2, 'a b',
      3, 'b',
      -22, -22,
      0, 0, 0,
    ]);
  });
});

describe('/dev/null, /dev/zero and /dev/full: null_lseek', () => {
  it('od -j skips on them as on Linux', () => {
    const r = runSh('od -j 5 /dev/null; echo "rc=$?"; od -j 5 -N 4 /dev/zero; od -j 2 -N 2 -t x1 /dev/full');
    expect(r.stdout).toBe('0000005\nrc=0\n0000005 000000 000000\n0000011\n0000002 00 00\n0000004\n');
    expect(r.stderr).toBe('');
  });
  it('od -j on a directory reaches the offset, then fails to read it', () => {
    const r = runSh('mkdir d; od -j 3 d; echo "rc=$?"');
    expect(r.stdout).toBe('0000003\nrc=1\n');
    expect(r.stderr).toBe('od: d: Is a directory\n');
  });
});
