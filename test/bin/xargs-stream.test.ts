// xargs runs each command as soon as its argument list is full, while its input is still
// coming (findutils reads and executes in one loop), and an exec that fails with E2BIG is tried
// again with fewer arguments (bc_do_exec()). Expected outputs are the host's findutils 4.9.
import { describe, expect, it } from 'vitest';
import { runSh } from '../../src/init/testing.ts';

describe('xargs streams its input', () => {
  it('`yes | xargs -n 2 echo | head -2` ends: the first commands run before the input does', () => {
    const r = runSh('yes | xargs -n 2 echo | head -2; echo "st=$?"', { timeout: 60e9 });
    expect(r.stdout).toBe('y y\ny y\nst=0\n');
    expect(r.stderr).toBe('xargs: echo: terminated by signal 13\n');
  });

  it('stops reading at a command that exits 255, with findutils\' message and status 124', () => {
    const r = runSh('printf \'a b\\nc d\\ne f\\n\' | xargs -L 1 sh -c \'echo "$@"; exit 255\' sh; echo "st=$?"');
    expect(r.stdout).toBe('a b\nst=124\n');
    expect(r.stderr).toBe('xargs: sh: exited with status 255; aborting\n');
  });

  it('-I runs one command per line as it arrives; a failing one makes the status 123', () => {
    const r = runSh('yes x | head -5 | xargs -I{} sh -c \'echo {}; exit 3\'; echo "st=$?"');
    expect(r.stdout).toBe('x\nx\nx\nx\nx\nst=123\n');
  });
});

describe('xargs and the kernel\'s argument limit', () => {
  it.each(['2.6.20', '6.6'] as const)('on %s, a list over the kernel\'s limit is split, not lost: every argument is passed once', (profile) => {
    const r = runSh('seq 1 20000 | xargs echo | wc -c; seq 1 20000 | xargs echo | tr " " "\\n" | tail -n 1', { profile });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('108894\n20000\n');
  });

  it('one argument over MAX_ARG_STRLEN cannot be split: findutils\' message and status 1 (execvp() returned E2BIG, not ENOENT from a later PATH directory)', () => {
    const r = runSh('head -c 140000 /dev/zero | tr "\\0" x | xargs -s 200000 echo | wc -c; echo "st=$?"');
    expect(r.stdout).toBe('0\nst=0\n');
    expect(r.stderr).toBe('xargs: can\'t call exec() due to argument size restrictions\n');
    const s = runSh('head -c 140000 /dev/zero | tr "\\0" x | xargs -s 200000 echo > /dev/null; echo "st=$?"');
    expect(s.stdout).toBe('st=1\n');
  });
});
