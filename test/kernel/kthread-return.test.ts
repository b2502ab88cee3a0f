// A kernel thread's function returning is do_exit() with its value (kernel_thread()'s helper:
// do_exit(fn(arg))), and the function is called in the new thread when it first runs, not in its
// creator at fork time.
import { describe, expect, it } from 'vitest';
import { machineFor } from './helpers.ts';
import { spawnKernelThread } from '../../src/kernel/host.ts';
import { kthreadCreate } from '../../src/kernel/kthread.ts';
import type { Kernel } from '../../src/kernel/kernel.ts';
import type { KGen, Task } from '../../src/kernel/task.ts';
import { SCHED } from '../../src/kernel/task.ts';

describe('kernel thread functions', () => {
  for (const profile of ['2.6.20', '6.6'] as const) {
    it(`${profile}: run in the new thread and exit with their return value, through host threads and kthread_create()`, () => {
      const m = machineFor(profile);
      const k = m.k;
      const calledIn: number[] = [];
      const exits = new Map<string, number>();
      k.onExit((t: Task) => {
        if (t.comm.startsWith('ret-')) exits.set(t.comm, t.exitCode);
      });
      // A plain function that reads k.current when called, then hands over a generator.
      const body = (ret: number) => (kk: Kernel): KGen<number> => {
        calledIn.push(kk.current.pid);
        return (function* (): KGen<number> {
          yield SCHED;
          return ret;
        })();
      };
      const host = spawnKernelThread(k, 'ret-host', body(3));
      if (typeof host === 'number') throw new Error(`spawn: ${host}`);
      const spawner = spawnKernelThread(k, 'spawner', function* (kk: Kernel): KGen<number> {
        const t = kthreadCreate(kk, 'ret-kthread', body(5));
        if (typeof t === 'number') return t;
        calledIn.push(-t.pid);
        return 0;
      });
      if (typeof spawner === 'number') throw new Error(`spawn: ${spawner}`);
      m.run({ until: m.now + 1e9 });
      const kthread = calledIn.find((x) => x < 0)!;
      expect(calledIn).toContain(host.pid);
      expect(calledIn).toContain(-kthread);
      expect(exits.get('ret-host')).toBe(3);
      expect(exits.get('ret-kthread')).toBe(5);
    });
  }
});
