// CPU-time accounting: user time is what programs burn between syscalls (khelper_cpu), system
// time the kernel's own costs; a reaped child's times (and those of the children it reaped) are
// added to its parent's cutime/cstime, as wait_task_zombie() does. times(2) answers in USER_HZ
// ticks, getrusage(2) finer; dash's and bash's `times` and bash's `time` print them.
import { describe, expect, it } from 'vitest';
import { runSh } from '../../src/init/testing.ts';

const LOOP = 'i=0; while [ $i -lt 100000 ]; do i=$((i+1)); done';

describe('times(2), getrusage(2) and the shells that print them', () => {
  it('dash `times`: the shell\'s own user time, then its reaped subshell\'s as cutime, "%dm%fs" in ticks', () => {
    const r = runSh(`times; ${LOOP}; (${LOOP}); times`);
    const lines = r.stdout.trim().split('\n');
    expect(lines.slice(0, 2)).toEqual(['0m0.000000s 0m0.000000s', '0m0.000000s 0m0.000000s']);
    const secs = lines.slice(2).join(' ').split(' ').map((x) => /^(\d+)m(\d+\.\d{6})s$/.exec(x)).map((m) => Number(m![1]) * 60 + Number(m![2]));
    // utime and cutime: the same loop, charged once to the shell and once to its child; whole ticks.
    expect(secs[0]).toBeGreaterThan(0);
    expect(secs[2]).toBe(secs[0]);
    for (const s of secs) expect(Math.round(s * 100) / 100).toBe(s);
  });

  it('a child still running adds nothing to cutime; one reaped while the shell waits does', () => {
    const r = runSh(`(${LOOP}; sleep 10) & sleep 5; times; wait; times`);
    const lines = r.stdout.trim().split('\n');
    expect(lines[1]).toBe('0m0.000000s 0m0.000000s');
    expect(lines[3]).not.toBe('0m0.000000s 0m0.000000s');
  });

  it('bash `time`: user time of the timed subshell, "%3lU" with truncated milliseconds', () => {
    const r = runSh(`time (${LOOP})`, { shell: 'bash' });
    const m = /^\nreal\t0m0\.(\d{3})s\nuser\t0m0\.(\d{3})s\nsys\t0m0\.(\d{3})s\n$/.exec(r.stderr);
    expect(m, r.stderr).not.toBeNull();
    expect(Number(m![2])).toBeGreaterThan(0);
    expect(Number(m![2]) + Number(m![3])).toBeLessThanOrEqual(Number(m![1]) + 1);
  });

  it('/proc/PID/stat fields 14-17 are utime, stime, cutime, cstime in ticks', () => {
    const r = runSh(`${LOOP}; (${LOOP}); read -r line < /proc/self/stat; echo "$line"`);
    const f = r.stdout.trim().replace(/^.*\) /, 'x x ').split(' ');
    // After the comm: state is field 3; fields 14..17 sit at indexes 13..16.
    expect(Number(f[13])).toBeGreaterThan(0);
    expect(Number(f[15])).toBe(Number(f[13]));
  });
});
