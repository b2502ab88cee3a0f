// KNOWN BUGS, found by the reliability suite. Every test here FAILS today on purpose: each names
// the behaviour Linux (or our own limit) has, the file and function at fault, and passes once it
// is fixed (then it moves to fixed-bugs.test.ts, keeping its number). Cases that freeze the host
// run in a child process with a wall-clock limit. docs/reliability.md lists them with their
// reproductions.
import { describe, expect, it } from 'vitest';
import { isolated } from './harness.ts';

const HANG_MS = 10_000;

describe('BUG 9: the text tools charge no CPU time per byte and bound no memory (userland/text: wc, tr, grep, sed, awk, cut, uniq, tail)', () => {
  // src/userland/bin/ charges cpu(bytes * NS_PER_BYTE) (bin/common.ts); the text tools only tick
  // per interpreter step. A read of /dev/zero costs one syscall (250 ns) for 64 KiB, so one 4 ms
  // slice of `wc -c < /dev/zero` is ~16000 reads, ~1 GB of work: ~20 s of wall time per scheduler
  // event, during which the host cannot stop the machine. `tail /dev/zero` keeps the whole
  // "line" until V8 refuses the string (SIGSEGV death); GNU tail says "memory exhausted".
  it('one scheduler event of `wc -c < /dev/zero` takes well under a second of wall time', () => {
    const r = isolated('textToolOnDevZero', 30_000);
    expect(r.timedOut).toBe(false);
    expect((r.result as { maxEventMs: number }).maxEventMs).toBeLessThan(1000);
  }, 45_000);
});

describe('BUG 10: POSIX regexes run on JavaScript\'s backtracking RegExp (userland/text/regex.ts PosixRegex)', () => {
  // GNU grep/sed match with a DFA in linear time; V8's backtracking engine takes exponential time
  // on nested quantifiers, and it runs inside one syscall-free step: the host freezes.
  it("echo a×100 | grep -E '(a*)*b' answers rc=1", () => {
    const r = isolated('regexBacktracking', HANG_MS);
    expect(r.timedOut).toBe(false);
    expect(r.result).toMatchObject({ stdout: 'rc=1\n' });
  }, HANG_MS + 10_000);
});

describe('BUG 11: shell pattern matching never yields (userland/sh/pattern.ts pmatch)', () => {
  // dash's pmatch() backtracks over each `*` too, so the match is slow in dash as well; but dash
  // is preemptible, while ours runs inside one interpreter step that never calls cpu().
  it('`case` on 170 a\'s against *a*a*a*a*a*a*a*a*b: Machine.run({maxEvents: 20}) returns', () => {
    const r = isolated('shPatternBacktracking', HANG_MS);
    expect(r.timedOut).toBe(false);
    expect(r.result).toMatchObject({ reason: 'budget' });
  }, HANG_MS + 10_000);
});
