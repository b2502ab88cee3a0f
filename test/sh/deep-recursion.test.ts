// Shell functions nest as deep as the real shells allow: each level runs on trampoline()'s own
// stack (src/userland/lib/trampoline.ts), not on the JavaScript stack, which used to end near 500
// levels in the browser's worker (about 2,000 in Vitest's threads, whose stacks are larger).
// dash's limit of 1000 is covered by the recorded cases in dash-diff.test.ts.
import { describe, expect, it } from 'vitest';
import { runSh } from '../../src/init/testing.ts';
import { deepCall, trampoline } from '../../src/userland/lib/trampoline.ts';
import type { Syscall, UserGen } from '../../src/uapi/syscalls.ts';

describe('bash function recursion (bash 5.2 on Debian, 8 MB stack)', () => {
  it('unwinds locals and return statuses through 4,000 levels, as bash does', () => {
    const r = runSh('sum() { local n=$1; if [ $n -eq 0 ]; then r=0; return 0; fi; sum $((n - 1)); r=$((r + n)); return $((n % 7)); }; sum 4000; echo "sum=$r st=$? n=${n-unset}"', { shell: 'bash' });
    expect(r).toMatchObject({ stdout: 'sum=8002000 st=3 n=unset\n', stderr: '', status: 0 });
  });

  it('dies of SIGSEGV on endless recursion, whatever the SEGV trap says (bash has no limit of its own)', () => {
    const r = runSh('trap "echo caught" SEGV; f() { f; }; f; echo never', { shell: 'bash' });
    expect(r.stdout).toBe('');
    expect(r.status).toBe(128 + 11);
  });

  it('a subshell that recurses endlessly dies alone; its parent sees 139 and goes on', () => {
    const r = runSh('f() { f; }; (f); echo "st=$?"', { shell: 'bash' });
    expect(r).toMatchObject({ stdout: 'st=139\n', status: 0 });
  });
});

/** A fake kernel: answers every syscall with its position in the sequence. */
function drive<T>(gen: UserGen<T>): { value: T; calls: string[] } {
  const calls: string[] = [];
  let r = gen.next();
  while (!r.done) {
    calls.push(r.value.nr);
    r = gen.next(calls.length);
  }
  return { value: r.value, calls };
}

const getpid = (): Syscall => ({ nr: 'getpid' });

describe('trampoline()', () => {
  it('passes syscalls through and hands each level the answer and its callee\'s return value', () => {
    function* level(n: number): UserGen<number> {
      const answer = (yield getpid()) as number;
      if (n === 0) return answer;
      return answer + (yield* deepCall(level(n - 1)));
    }
    const { value, calls } = drive(trampoline(level(3)));
    expect(calls).toEqual(['getpid', 'getpid', 'getpid', 'getpid']);
    expect(value).toBe(1 + 2 + 3 + 4);
  });

  it('carries an exception from a level to its caller\'s catch, running finally blocks in order', () => {
    const log: string[] = [];
    function* thrower(n: number): UserGen<number> {
      try {
        if (n === 0) throw new Error('bottom');
        return yield* deepCall(thrower(n - 1));
      } finally {
        log.push(`finally ${n}`);
      }
    }
    function* root(): UserGen<string> {
      try {
        yield* deepCall(thrower(2));
        return 'no';
      } catch (e) {
        return (e as Error).message;
      }
    }
    expect(drive(trampoline(root())).value).toBe('bottom');
    expect(log).toEqual(['finally 0', 'finally 1', 'finally 2']);
  });

  it('lets an uncaught exception out of the trampoline', () => {
    function* bad(): UserGen<number> {
      yield getpid();
      throw new RangeError('out');
    }
    expect(() => drive(trampoline((function* () { return yield* deepCall(bad()); })()))).toThrow('out');
  });

  it('closes live levels innermost first when it is closed itself', () => {
    const log: string[] = [];
    function* lvl(n: number): UserGen<number> {
      try {
        if (n === 0) { yield getpid(); return 0; }
        return yield* deepCall(lvl(n - 1));
      } finally {
        log.push(`close ${n}`);
      }
    }
    const t = trampoline(lvl(2));
    expect(t.next().value).toEqual(getpid());
    t.return(0);
    expect(log).toEqual(['close 0', 'close 1', 'close 2']);
  });

  it('goes 100,000 levels deep without the JavaScript stack', () => {
    function* down(n: number): UserGen<number> {
      return n === 0 ? 0 : 1 + (yield* deepCall(down(n - 1)));
    }
    expect(drive(trampoline(down(100_000))).value).toBe(100_000);
  });
});
