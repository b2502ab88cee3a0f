// kernel/pid.c: pids are handed out upwards from the last one and wrap to RESERVED_PIDS (300) at
// pid_max, which /proc/sys/kernel/pid_max sets (32768 by default, at most 4194304 on 64-bit).
import { describe, expect, it } from 'vitest';
import { Machine } from '../../src/init/machine.ts';
import { StepRunner } from '../../src/init/steps.ts';
import { allocPid } from '../../src/kernel/fork.ts';

describe('pid_max', () => {
  it('wraps to RESERVED_PIDS at the default pid_max of 32768', () => {
    const m = new Machine().boot();
    m.k.lastPid = 32766;
    expect(allocPid(m.k)).toBe(32767);
    expect(allocPid(m.k)).toBe(300);
  });

  it('takes a lowered kernel.pid_max into account at the next fork', () => {
    const m = new Machine().boot();
    expect(m.k.sysctl.writeKey(m.k, 'kernel.pid_max', '400')).toBeGreaterThanOrEqual(0);
    m.k.lastPid = 398;
    expect(allocPid(m.k)).toBe(399);
    expect(allocPid(m.k)).toBe(300);
  });

  it('lets more than 32768 tasks live at once when raised', () => {
    const m = new Machine().boot();
    expect(m.k.sysctl.writeKey(m.k, 'kernel.pid_max', '4194304')).toBeGreaterThanOrEqual(0);
    m.k.lastPid = 40000;
    const [r] = new StepRunner(m, [{ requestModule: 'dummy', threads: 3 }]).runAll();
    expect(r).toEqual({ rets: [0, 0, 0] });
    expect(m.k.lastPid).toBeGreaterThan(40003);
  });
});
