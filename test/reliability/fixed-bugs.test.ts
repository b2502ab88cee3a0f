// Bugs the reliability suite found that are fixed now, kept as regression tests under their
// numbers (docs/reliability.md). Cases that froze the host run in a child process with a
// wall-clock limit.
import { describe, expect, it } from 'vitest';
import { parseModulesDep } from '../../src/userland/kmod/indexes.ts';
import { parseScenario } from '../../src/init/scenario/parse.ts';
import { runScenario } from '../../src/init/scenario/run.ts';
import { isolated, boot, runUntil, spawnSh } from './harness.ts';
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

const HANG_MS = 15_000;

describe('BUG 1 (fixed in 84dc8f7): a task alone on the run queue gave the CPU back only when another was runnable (kernel/entry.ts userMode)', () => {
  // With nothing else runnable, gen.next() never returned to Sched.run(): maxEvents and until
  // were never checked, timers never fired, and the host froze.
  it('`while :; do :; done` alone: Machine.run({maxEvents}) returns "budget" and virtual time advances', () => {
    const r = isolated('loneBusyLoop', HANG_MS);
    expect(r.timedOut).toBe(false);
    expect(r.result).toMatchObject({ reasons: ['budget', 'budget'] });
    expect((r.result as { advancedNs: number }).advancedNs).toBeGreaterThan(0);
  }, HANG_MS + 10_000);

  it('a busy loop beside a sleeping `sleep 0.05`: the sleeper wakes on time', () => {
    const r = isolated('busyLoopAndSleeper', HANG_MS);
    expect(r.timedOut).toBe(false);
    expect(r.result).toMatchObject({ reason: 'break', sleeperOut: 'woke\n' });
    expect((r.result as { lateNs: number }).lateNs).toBeLessThanOrEqual(8e6);
  }, HANG_MS + 10_000);

  it('the playground: `while :; do :; done` typed at the console shell keeps the machine steppable', () => {
    const r = isolated('consoleBusyLoop', HANG_MS);
    expect(r.timedOut).toBe(false);
    expect(r.result).toEqual({ reason: 'budget' });
  }, HANG_MS + 10_000);

  it('a flood to /dev/console alone keeps the machine steppable (it runs, or waits for the host to read)', () => {
    const r = isolated('loneConsoleFlood', HANG_MS);
    expect(r.timedOut).toBe(false);
    expect(['budget', 'idle']).toContain((r.result as { reason: string }).reason);
  }, HANG_MS + 10_000);
});

describe('BUG 2 (fixed in 33e11fd, f194e3d): a step with more threads than pids threw a raw Error into the host (init/steps.ts spawnTagged)', () => {
  it('threads: 32768 runs; the threads that get no pid return -EAGAIN', () => {
    const r = runScenario(parseScenario(JSON.stringify({ version: 1, steps: [{ requestModule: 'nosuch', threads: 32768 }] })));
    const rets = (r.steps[0] as { rets: number[] }).rets;
    expect(rets).toHaveLength(32768);
    expect(rets).toContain(-11);
    expect(rets).toContain(-12); // 2.6.20: past 50 concurrent requests
  }, 60_000);
});

describe('BUG 5 (fixed in 8bcc9e4): modules.dep parsing was quadratic on lines without "." or ":" (userland/kmod/indexes.ts DepIndex)', () => {
  it('300000 lines "a/b:" (no ".ko") parse in well under a second', () => {
    const text = 'a/b:\n'.repeat(300_000) + '.';
    const t0 = performance.now();
    const idx = parseModulesDep(text);
    const ms = performance.now() - t0;
    expect(idx.has('b')).toBe(true);
    expect(ms).toBeLessThan(1000);
  });
});

describe('BUG 8 (fixed in 33e11fd): scenario messages for a union lost what is allowed (init/scenario/parse.ts)', () => {
  const msg = (doc: unknown): string => {
    try {
      parseScenario(JSON.stringify(doc));
    } catch (e) {
      return (e as Error).message;
    }
    return 'accepted';
  };
  it('files["/a"] = 5 says a string or an object is expected', () => {
    expect(msg({ version: 1, files: { '/a': 5 } })).toMatch(/a string, or an object/);
  });
  it('args: [{}] says a string or a number is expected', () => {
    expect(msg({ version: 1, steps: [{ requestModule: 'x%s', args: [{}] }] })).toMatch(/a string or a number/);
  });
  it('view: [] is refused as not an object (an array is not a record)', () => {
    expect(msg({ version: 1, view: [] })).toMatch(/^view: /);
  });
});

describe('BUG 12 (fixed in 5aac94e): printk trimmed its log with splice() per line (kernel/printk.ts printk)', () => {
  // Once 20000 records were kept, each new line copied the whole array, and one write to
  // /dev/kmsg can carry thousands of lines: `yes > /dev/kmsg` (found by the fuzzer) froze the host.
  it('`yes > /dev/kmsg`: 100 scheduler events return within 5 s of wall time, the log keeps its bound', () => {
    const r = isolated('kmsgYesFlood', 30_000);
    expect(r.timedOut).toBe(false);
    expect((r.result as { wallMs: number }).wallMs).toBeLessThan(5000);
    expect((r.result as { records: number }).records).toBeLessThanOrEqual(20000);
  }, 45_000);
});

describe('BUG 3 (fixed in 4dca0bb): console output has no backpressure (init/machine.ts console sink, kernel/tty.ts Tty.flush)', () => {
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

describe('BUG 4 (fixed in 4dca0bb): /dev/kmsg records have no length limit (kernel/devices.ts kmsgOps.write, kernel/printk.ts)', () => {
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

describe('BUG 6 (fixed in 4dca0bb): RLIMIT_NPROC does not count zombies (kernel/fork.ts userProcesses)', () => {
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

describe('BUG 7 (fixed in 4dca0bb): a preempted task runs one more syscall after SIGKILL (kernel/entry.ts userMode)', () => {
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

describe('BUG 9 (fixed): the text tools charged no CPU time per byte and bounded no memory (bin/textreq.ts runText, text/textio.ts RecordReader, bin/tail.ts)', () => {
  // The text tools ticked only per interpreter step: a 64 KiB read of /dev/zero cost one syscall
  // (250 ns), so one 4 ms slice of `wc -c < /dev/zero` was ~1 GB of work, ~20 s of wall time per
  // scheduler event. Now every read charges NS_PER_BYTE, and input held beyond the machine's free
  // memory ends in gnulib's "memory exhausted".
  it('one scheduler event of `wc -c < /dev/zero` takes well under a second of wall time', () => {
    const r = isolated('textToolOnDevZero', 30_000);
    expect(r.timedOut).toBe(false);
    expect((r.result as { maxEventMs: number }).maxEventMs).toBeLessThan(1000);
  }, 45_000);
});

describe('BUG 9 (fixed): input beyond memory ends in gnulib xalloc_die()', () => {
  it('tail, sed, grep, sort on /dev/zero print "PROG: memory exhausted" and exit with their exit_failure', () => {
    const m = boot();
    const r = spawnSh(m, 'tail /dev/zero; echo tail=$?; sed q /dev/zero; echo sed=$?; grep x /dev/zero; echo grep=$?; sort /dev/zero; echo sort=$?');
    runUntil(m, () => r.finished);
    expect(r.stdout.data).toBe('tail=1\nsed=4\ngrep=2\nsort=2\n');
    expect(r.stderr.data).toBe('tail: memory exhausted\nsed: memory exhausted\ngrep: memory exhausted\nsort: memory exhausted\n');
  }, 60_000);
});

describe('BUG 11 (fixed): shell pattern matching never yielded (userland/sh/pattern.ts pmatch, now globc.ts)', () => {
  // dash's pmatch() backtracks over each `*`, slow but preemptible; ours ran inside one
  // interpreter step. Patterns now compile once (globc.ts, no exponential backtracking) and the
  // matching steps are charged as CPU time (pattern.ts chargeMatching).
  it('`case` on 170 a\'s against *a*a*a*a*a*a*a*a*b: Machine.run({maxEvents: 20}) returns', () => {
    const r = isolated('shPatternBacktracking', HANG_MS);
    expect(r.timedOut).toBe(false);
    expect(r.result).toMatchObject({ reason: 'budget' });
  }, HANG_MS + 10_000);
});

describe('BUG 10 (fixed): POSIX regexes ran on JavaScript\'s backtracking RegExp (userland/text/regex.ts PosixRegex)', () => {
  // GNU grep/sed match with a DFA in linear time; V8's backtracking took exponential time on
  // nested quantifiers inside one syscall-free step, and the host froze. Such patterns now run on
  // a Pike VM (userland/text/pikevm.ts), linear in the text, with JavaScript's matches and groups.
  it("echo a×100 | grep -E '(a*)*b' answers rc=1", () => {
    const r = isolated('regexBacktracking', HANG_MS);
    expect(r.timedOut).toBe(false);
    expect(r.result).toMatchObject({ stdout: 'rc=1\n' });
  }, HANG_MS + 10_000);
});
