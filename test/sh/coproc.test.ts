// bash's coproc where the output holds a pid: the "still exists" warning names the live
// coprocess, and jobs shows coprocesses as bash prints them (checked against bash 5.2 here).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCase } from './conformance.ts';

function runBash(script: string): { stdout: string; stderr: string; status: number } {
  const file = join(mkdtempSync(join(tmpdir(), 'coproc-')), 'case.sh');
  writeFileSync(file, script);
  return runCase(file, 'bash');
}

describe('bash coproc', () => {
  it('warns when a second coproc starts while the first lives, and lists both as jobs', () => {
    const r = runBash('coproc sleep 1; p=$COPROC_PID; jobs; coproc X { sleep 1; }; echo "$p"; jobs\n');
    const pid = /^\[1\]\+ {2}Running {17}coproc COPROC sleep 1 &\n(\d+)\n/.exec(r.stdout);
    expect(pid).not.toBeNull();
    expect(r.stderr).toBe(`/tmp/khsh/case.sh: line 1: warning: execute_coproc: coproc [${pid![1]}:COPROC] still exists\n`);
    expect(r.stdout.slice(pid![0].length)).toBe(
      '[1]-  Running                 coproc COPROC sleep 1 &\n[2]+  Running                 coproc X { sleep 1; } &\n');
  });

  it('keeps the shell ends on fds 63 and 60, close-on-exec: a program run after does not get them', () => {
    const r = runBash('coproc { cat; }\nls /proc/$$/fd | grep -x -e 63 -e 60 | tr "\\n" " "; echo\n'
      + 'ls /proc/self/fd | grep -c -x -e 63 -e 60\n');
    expect(r.stdout).toBe('60 63 \n0\n');
  });
});
