// Breakpoints in the kernel: a seed line stops before it runs, an event breakpoint stops the task
// right where the event fired (before any user code after an exec; right after wait4 reaped), and
// stopping never changes what runs afterwards.
import { describe, expect, it } from 'vitest';
import { machineFor } from './helpers.ts';
import { StepRunner } from '../../src/init/steps.ts';
import { EV } from '../../src/kernel/trace.ts';
import { ftraceLine } from '../../src/init/trace/ftrace.ts';

describe('breakpoints', () => {
  it('an exec breakpoint stops the helper before its program makes a syscall; a wait4 one right after the reap', () => {
    const m = machineFor('2.6.20');
    m.k.trace.breakOn[EV.sched_process_exec] = 1;
    const runner = new StepRunner(m, [{ requestModule: 'foo' }]);
    runner.poll();
    expect(m.run({ until: m.now + 10e9 })).toBe('break');
    const lb = m.k.sched.lastBreak!;
    const e = m.k.trace.get(lb.event);
    expect(e.event).toBe('sched_process_exec');
    expect(e.filename).toBe('/sbin/fakemod');
    // Nothing after the exec event: the program has not run yet.
    expect(m.k.trace.length - 1).toBe(lb.event);
    expect(m.k.sched.current).toBe(null);
    m.k.trace.breakOn.fill(0);
    m.k.trace.breakOn[EV.sched_process_wait] = 1;
    expect(m.run({ until: m.now + 10e9 })).toBe('break');
    const w = m.k.trace.get(m.k.sched.lastBreak!.event);
    expect(w.event).toBe('sched_process_wait');
    expect(w.comm).toBe('khelper');
    m.k.trace.breakOn.fill(0);
    runner.runAll();
    expect(runner.results).toEqual([{ rets: [0] }]);
  });

  it('a run stopped at every seed line gives the same trace as a run that never stopped', () => {
    const whole = machineFor('2.6.20');
    new StepRunner(whole, [{ requestModule: 'a', threads: 3 }]).runAll();
    const stepped = machineFor('2.6.20');
    const runner = new StepRunner(stepped, [{ requestModule: 'a', threads: 3 }]);
    runner.poll();
    let stops = 0;
    for (;;) {
      stepped.k.lineStepping = true;
      const r = stepped.run({ until: stepped.now + 60e9, stopWhen: () => runner.finished });
      runner.poll();
      if (r !== 'break') break;
      stops++;
      if (runner.finished) break;
    }
    runner.runAll();
    // Both machines then run to the same moment (where the host stopped may differ at the end).
    whole.run({ until: 2e9 });
    stepped.run({ until: 2e9 });
    expect(stops).toBeGreaterThan(20);
    const a = whole.k.trace.slice().map(ftraceLine).join('\n');
    const b = stepped.k.trace.slice().map(ftraceLine).join('\n');
    expect(b).toBe(a);
  });
});
