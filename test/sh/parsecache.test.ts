// The shell keeps the trees it parsed across processes (src/userland/sh/parsecache.ts). A kept
// tree must be exactly what parsing again would give: these run the same text where its line,
// its aliases or its end of file differ, in one machine and in the same JS realm, so a cache that
// ignored any of them would answer with the wrong tree. (That a warm cache leaves a run's trace as
// it was is test/scenario/golden.test.ts's: every example, twice in a row in one process.)
import { describe, expect, it } from 'vitest';
import { boot, run } from '../bin/harness.ts';

describe('the parse cache', () => {
  it('a command at another line gets its own tree (the line numbers in messages)', () => {
    const m = boot({ files: {
      '/tmp/a': 'echo line $LINENO; (exit 3\n',
      '/tmp/b': '\necho line $LINENO; (exit 3\n',
    } });
    const a = run(['sh', '/tmp/a'], { machine: m });
    const b = run(['sh', '/tmp/b'], { machine: m });
    const a2 = run(['sh', '/tmp/a'], { machine: m });
    expect(a.stdout).toBe('');
    expect(a.stderr).toBe('/tmp/a: 2: Syntax error: end of file unexpected (expecting ")")\n');
    expect(b.stderr).toBe('/tmp/b: 3: Syntax error: end of file unexpected (expecting ")")\n');
    expect(a2).toMatchObject({ stdout: a.stdout, stderr: a.stderr, code: a.code });
    // dash reports the line a command started on (its tree's line), not where parsing stopped.
    const c = boot({ files: { '/tmp/c': 'nosuchcmd_x\n', '/tmp/d': '\n\nnosuchcmd_x\n' } });
    expect(run(['sh', '/tmp/c'], { machine: c }).stderr).toBe('/tmp/c: 1: nosuchcmd_x: not found\n');
    expect(run(['sh', '/tmp/d'], { machine: c }).stderr).toBe('/tmp/d: 3: nosuchcmd_x: not found\n');
    expect(run(['sh', '/tmp/c'], { machine: c }).stderr).toBe('/tmp/c: 1: nosuchcmd_x: not found\n');
  });

  it('a command read while an alias is defined is parsed with it, whatever was kept before', () => {
    const m = boot({ files: { '/tmp/f': 'e hi 2>/dev/null || echo nope\n' } });
    expect(run(['sh', '/tmp/f'], { machine: m }).stdout).toBe('nope\n');
    expect(run(['sh', '-c', 'alias e=echo; . /tmp/f'], { machine: m }).stdout).toBe('hi\n');
    expect(run(['sh', '/tmp/f'], { machine: m }).stdout).toBe('nope\n');
  });

  it('the same text without its end of file waits for more input instead of taking the kept tree', () => {
    // `echo a` at end of file is a whole command; from a pipe with more to come the shell reads on
    // and parses `echo ab` once the rest arrives.
    const m = boot({ files: { '/tmp/g': 'echo a' } });
    expect(run(['sh', '/tmp/g'], { machine: m }).stdout).toBe('a\n');
    expect(run(['sh', '-c', '{ printf "echo a"; sleep 1; printf "b\\n"; } | sh'], { machine: m }).stdout).toBe('ab\n');
  });
});
