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
