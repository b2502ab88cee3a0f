// The shell's interpreter charges virtual CPU time (src/userland/sh/eval.ts): a step per node it
// evaluates, and a step per 64 bytes of every value it assigns (vars.ts), because dash copies the
// value. Without the second, a loop that grows a string (`x=a$x`) did quadratic real work for
// linear virtual time, and a budget in virtual time (a scenario's, the fuzzer's) never ended it.
import { describe, expect, it } from 'vitest';
import { boot, run, spawn } from '../bin/harness.ts';

/** Virtual ns the machine spends running `sh -c script` to its end. */
function cost(script: string): number {
  const m = boot();
  const t0 = m.k.sched.now;
  const r = run(['sh', '-c', script], { machine: m });
  expect(r.code).toBe(0);
  return m.k.sched.now - t0;
}

describe('virtual CPU time of the shell', () => {
  it('assigning a long value costs in proportion to its length', () => {
    const grow = cost('x=a; i=0; while [ $i -lt 2000 ]; do x=a$x; i=$((i+1)); done');
    const flat = cost('x=a; i=0; while [ $i -lt 2000 ]; do x=a$y; i=$((i+1)); done');
    // Values of 2 to 2,001 bytes: about 30,300 steps of 200 ns more than 2,000 one-byte values.
    expect(grow - flat).toBeGreaterThan(5.5e6);
    expect(grow - flat).toBeLessThan(7e6);
  });

  it('a loop that grows a string forever ends within a virtual budget, in little real time', () => {
    // Uncharged, half a virtual second was some 500,000 iterations and a string as long: hours of
    // copying. Charged, the string reaches about 18,000 bytes by then.
    const m = boot();
    const p = spawn(m, ['sh', '-c', 'x=a; until [ "$x;" = aaa ]; do x=a$x; done']);
    const until = m.now + 0.5e9;
    m.run({ until, maxEvents: 5_000_000, stopWhen: () => p.finished });
    expect(p.finished).toBe(false);
    expect(m.now).toBeGreaterThanOrEqual(until);
  });
});
