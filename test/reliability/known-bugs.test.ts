// KNOWN BUGS, found by the reliability suite. Every test here FAILS today on purpose: each names
// the behaviour Linux (or our own limit) has, the file and function at fault, and passes once it
// is fixed (then it moves to fixed-bugs.test.ts, keeping its number). Cases that freeze the host
// run in a child process with a wall-clock limit. docs/reliability.md lists them with their
// reproductions.
import { describe, expect, it } from 'vitest';
import { SIGKILL } from '../../src/uapi/signal.ts';
import { nativeImage } from '../../src/uapi/syscalls.ts';
import type { UserGen } from '../../src/uapi/syscalls.ts';
import { cpu, write } from '../../src/userland/lib/sys.ts';
import { sendSignal } from '../../src/kernel/signal.ts';
import { rootCred } from '../../src/kernel/task.ts';
import { Tty } from '../../src/kernel/tty.ts';
import { Machine } from '../../src/init/machine.ts';
import { startProcess } from '../../src/init/run.ts';
import { runSh } from '../../src/init/testing.ts';
import { boot, isolated, runUntil, spawnSh } from './harness.ts';

const HANG_MS = 10_000;

describe('BUG 3: console output has no backpressure (init/machine.ts console sink, kernel/tty.ts Tty.flush)', () => {
  // The Machine's sink takes every byte at once, so a writer to /dev/console never blocks and the
  // bytes held for the host grow without bound inside one run() (7.7 MB in 200 slices of 50 us;
  // about 3 MB per default 4 ms slice). A pty blocks its writer when the reader (xterm) has not drained.
  // One write's worth may land after the backlog fills (the check comes before the append).
  it('bytes held for the host stay within Tty.BACKLOG (plus one write) however long one run() is', () => {
    const m = boot('2.6.20', { config: { timeslice: 50_000 } });
    spawnSh(m, 'x=$(printf "%1000s" ""); while :; do echo "$x"; done > /dev/console');
    spawnSh(m, 'while :; do :; done');
    m.run({ maxEvents: 200 }); // measured: 7.7 MB held
    expect(m.takeConsole().length).toBeLessThanOrEqual(Tty.BACKLOG + 65536);
  });
});

describe('BUG 4: /dev/kmsg records have no length limit (kernel/devices.ts kmsgOps.write, kernel/printk.ts)', () => {
  // The log keeps 20000 records of any length, so its memory is unbounded. 2.6.20's kmsg_write()
  // printk()s through the 1024-byte printk_buf (1023 characters kept); 6.x's devkmsg_write()
  // refuses a record longer than its maximum (1024) with -EINVAL.
  const script = 'x=$(printf "%100000s" ""); echo "$x" > /dev/kmsg; echo rc=$?';
  it('2.6.20: a 100000-byte write leaves a record of at most 1023 characters', () => {
    const r = runSh(script, { profile: '2.6.20' });
    const longest = Math.max(...r.machine.k.printk.records.map((x) => x.text.length));
    expect(longest).toBeLessThanOrEqual(1023);
  });
  it('6.6: a 100000-byte write fails with -EINVAL (dash: "echo: I/O error") and logs nothing', () => {
    const r = runSh(script, { profile: '6.6' });
    expect(r.stdout).toBe('rc=1\n');
    expect(r.stderr).toBe('sh: 1: echo: echo: I/O error\n');
  });
});

describe('BUG 6: RLIMIT_NPROC does not count zombies (kernel/fork.ts userProcesses)', () => {
  // 2.6.20 counts user->processes until release_task() (the zombie is reaped): with 3 unreaped
  // children and ulimit -p 4, the next fork fails. userProcesses() skips tasks with exitState.
  // Not the last command: dash runs a final (subshell) of sh -c without forking.
  it('ulimit -p 4 with three zombie children: the next fork is refused ("sh: 1: Cannot fork")', () => {
    const m = boot();
    const r = spawnSh(m, 'ulimit -p 4; : & : & : & i=0; while [ $i -lt 10000 ]; do i=$((i+1)); done; echo zombies; (echo forked); echo end');
    runUntil(m, () => r.pid > 0, 100);
    m.k.tasks.get(r.pid)!.cred = { ...rootCred(), uid: 1000, euid: 1000, gid: 1000, egid: 1000, capEffective: [0, 0], capPermitted: [0, 0], capBset: [0, 0] };
    expect(runUntil(m, () => r.finished, 100_000)).toBe(true);
    expect(r.stdout.data).toBe('zombies\n');
    expect(r.stderr.data).toBe('sh: 1: Cannot fork\n');
  });
});

describe('BUG 7: a preempted task runs one more syscall after SIGKILL (kernel/entry.ts userMode)', () => {
  // After `yield SCHED` at the end of a slice, userMode resumes the program and dispatches its
  // next syscall before it looks at pending signals. Linux handles signals on the way back to
  // user mode, so a killed task runs no more user code.
  function* ticker(): UserGen {
    for (let i = 0; ; i++) {
      yield* write(1, `${i}\n`);
      yield* cpu(1e6);
    }
  }
  it('a ticker killed while preempted writes nothing more', () => {
    const m = new Machine({ programs: { ticker }, files: { '/bin/ticker': { content: nativeImage('ticker'), mode: 0o755 } } }).boot();
    const runs = [0, 1, 2].map(() => startProcess(m.k, { path: '/bin/ticker', argv: ['ticker'] }));
    m.run({ maxEvents: 10 });
    const victim = m.k.tasks.get(runs[0].pid)!;
    const before = runs[0].stdout.data;
    sendSignal(m.k, SIGKILL, victim);
    m.run({ maxEvents: 10 });
    expect(runs[0].finished).toBe(true);
    expect(runs[0].stdout.data).toBe(before);
  });
});

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
