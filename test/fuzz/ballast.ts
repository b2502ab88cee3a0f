// A kernel thread that is always runnable and yields back to the scheduler after every slice, so
// the run queue is never empty and Sched.run() regains control at least once per time slice.
// Until BUG 1 was fixed (a task alone on the run queue never gave the CPU back), the fuzz targets
// needed it; the known-bug cases still use it so that each shows its own bug and not that one.
// Kernel threads ignore signals and `kill -1` spares them, so a script cannot remove it.
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
