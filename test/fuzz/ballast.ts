// A kernel thread that is always runnable and yields back to the scheduler after every slice, so
// the run queue is never empty and Sched.run() regains control at least once per time slice.
// Fuzzed scripts may spin alone (`yes`, `while :; do :; done`), and a task alone on the run queue
// never gives the CPU back today (known-bugs.test.ts, BUG 1): without ballast one such case would
// freeze the fuzzer instead of reporting anything. Kernel threads ignore signals and `kill -1`
// spares them, so a script cannot remove it.
import { spawnKernelThread } from '../../src/kernel/host.ts';
import type { Kernel } from '../../src/kernel/kernel.ts';
import { SCHED } from '../../src/kernel/task.ts';
import type { KGen, Task } from '../../src/kernel/task.ts';

export function addBallast(k: Kernel): Task {
  const t = spawnKernelThread(k, 'ballast', function* (kk): KGen<number> {
    for (;;) {
      kk.sched.charge(kk.config.timeslice);
      yield SCHED;
    }
  });
  if (typeof t === 'number') throw new Error(`ballast: ${t}`);
  return t;
}
