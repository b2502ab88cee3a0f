// tail +N writes what follows the first N-1 lines (bytes) as it reads (GNU tail's
// start_lines()/start_bytes(), then dump_remainder()), so it ends in a pipeline that stops
// reading; and every operand gets its header, even one named twice. Expected: coreutils 9.1.
import { describe, expect, it } from 'vitest';
import { runSh } from '../../src/init/testing.ts';

describe('tail +N streams', () => {
  it('`yes | tail -n +2 | head -2` and `yes | tail -c +3 | head -c 4` end (they used to run out of memory)', () => {
    const r = runSh('yes | tail -n +2 | head -2; yes | tail -c +3 | head -c 4; echo', { timeout: 60e9 });
    expect(r).toMatchObject({ stdout: 'y\ny\ny\ny\n\n', stderr: '', status: 0 });
  });

  it('skips across reads and keeps a last line without its newline', () => {
    const r = runSh('seq 1 10 | tail -n +8; seq 1 10 | tail -c +15; seq 1 3 | tail -n +0; seq 1 3 | tail -n +9; printf "a\\nb" | tail -n +2; echo');
    expect(r.stdout).toBe('8\n9\n10\n8\n9\n10\n1\n2\n3\nb\n');
  });

  it('prints a header for each operand, the same file twice included', () => {
    const r = runSh('seq 1 3 > /tmp/f; tail -n +2 /tmp/f /tmp/f; tail -n 1 /tmp/f - /tmp/f < /tmp/f');
    expect(r.stdout).toBe('==> /tmp/f <==\n2\n3\n\n==> /tmp/f <==\n2\n3\n' +
      '==> /tmp/f <==\n3\n\n==> standard input <==\n3\n\n==> /tmp/f <==\n3\n');
  });
});

describe('line tools in an endless pipeline', () => {
  it('rev, fold and nl write each line as they read it, so `yes | TOOL | head` ends', () => {
    const r = runSh('yes | rev | head -1; yes | fold -w 3 | head -1; yes | nl | head -2', { timeout: 60e9 });
    expect(r).toMatchObject({ stdout: 'y\ny\n     1\ty\n     2\ty\n', stderr: '', status: 0 });
  });

  it('a tool that needs its whole input ends as gnulib\'s xalloc_die() when it cannot hold it', () => {
    const r = runSh('yes | tac | head -1; echo "st=$?"; yes | md5sum; echo "st=$?"', { timeout: 600e9 });
    expect(r.stdout).toBe('st=0\nst=1\n');
    expect(r.stderr).toBe('tac: memory exhausted\nmd5sum: memory exhausted\n');
  });
});
