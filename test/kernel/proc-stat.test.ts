// /proc/PID/stat as fs/proc/array.c do_task_stat() prints it: 42 fields on 2.6.20 (up to
// delayacct_blkio_ticks), 52 on 6.6 (guest times, data/brk/arg/env bounds, exit_code).
import { describe, expect, it } from 'vitest';
import { runSh } from '../../src/init/testing.ts';

const fields = (line: string): string[] => ['pid', 'comm', ...line.trim().replace(/^.*\) /, '').split(' ')];

describe('/proc/PID/stat', () => {
  it.each([['2.6.20', 42], ['6.6', 52]] as const)('on %s has %i fields', (profile, n) => {
    const r = runSh('cat /proc/self/stat; cat /proc/2/stat', { profile });
    const [self, kthread] = r.stdout.split('\n');
    expect(fields(self)).toHaveLength(n);
    expect(fields(kthread)).toHaveLength(n);
  });

  it('rsslim is RLIM_INFINITY as an unsigned long; exit_signal is SIGCHLD; a kernel thread has no memory bounds', () => {
    const r = runSh('cat /proc/self/stat; cat /proc/2/stat', { profile: '6.6' });
    const [self, kthread] = r.stdout.split('\n').map(fields);
    // Field numbers are 1-based as in proc(5).
    expect(self[25 - 1]).toBe('18446744073709551615');
    expect(self[38 - 1]).toBe('17');
    expect(Number(self[26 - 1])).toBeGreaterThan(0);
    expect([kthread[23 - 1], kthread[24 - 1], kthread[26 - 1], kthread[27 - 1], kthread[28 - 1]]).toEqual(['0', '0', '0', '0', '0']);
    // kthreadd's ignore_signals(): every handler is SIG_IGN.
    expect(kthread[33 - 1]).toBe('2147483647');
  });

  it('signal fields are decimal masks: a background job ignores SIGINT and SIGQUIT, a trapped signal is caught', () => {
    const r = runSh('sleep 1 & sleep 0.1; cut -d" " -f33,34 /proc/$!/stat; trap : USR1; cut -d" " -f34 /proc/$$/stat', { profile: '6.6' });
    const [bg, sh] = r.stdout.split('\n');
    expect(bg).toBe(`${(1 << 1) | (1 << 2)} 0`);
    expect(Number(sh) & (1 << 9)).toBe(1 << 9);
  });
});
