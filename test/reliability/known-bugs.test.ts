// KNOWN BUGS, found by the reliability suite. Every test here FAILS today on purpose: each names
// the behaviour Linux (or our own limit) has, the file and function at fault, and passes once it
// is fixed (then it moves to fixed-bugs.test.ts, keeping its number). Cases that freeze the host
// run in a child process with a wall-clock limit. docs/reliability.md lists them with their
// reproductions.
import { describe, expect, it } from 'vitest';
import { isolated } from './harness.ts';

const HANG_MS = 10_000;

describe('BUG 10: POSIX regexes run on JavaScript\'s backtracking RegExp (userland/text/regex.ts PosixRegex)', () => {
  // GNU grep/sed match with a DFA in linear time; V8's backtracking engine takes exponential time
  // on nested quantifiers, and it runs inside one syscall-free step: the host freezes.
  it("echo a×100 | grep -E '(a*)*b' answers rc=1", () => {
    const r = isolated('regexBacktracking', HANG_MS);
    expect(r.timedOut).toBe(false);
    expect(r.result).toMatchObject({ stdout: 'rc=1\n' });
  }, HANG_MS + 10_000);
});
