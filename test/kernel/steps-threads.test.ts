// The callers a requestModule step starts are kernel threads made as kthread_run() makes them:
// create_kthread() calls kernel_thread(kthread, create, CLONE_FS | CLONE_FILES | SIGCHLD) in both
// 2.6.20 and 6.6, so they share their creator's fs and files and are forked with those flags.
import { describe, expect, it } from 'vitest';
import { events, machineFor } from './helpers.ts';
import { StepRunner } from '../../src/init/steps.ts';
import { CLONE_FILES, CLONE_FS } from '../../src/uapi/sched.ts';
import { SIGCHLD } from '../../src/uapi/signal.ts';

describe('requestModule step callers', () => {
  for (const profile of ['2.6.20', '6.6'] as const) {
    it(`${profile}: are forked with create_kthread()'s CLONE_FS | CLONE_FILES | SIGCHLD and share the creator's fs and files`, () => {
      const m = machineFor(profile);
      const k = m.k;
      const creator = k.kthreadd ?? k.kthreadWorker!;
      let seen = 0;
      k.onExit((t) => {
        if (!t.comm.startsWith('reqmod-')) return;
        seen++;
        expect(t.files).toBe(creator.files);
        expect(t.fs).toBe(creator.fs);
      });
      new StepRunner(m, [{ requestModule: 'dummy', threads: 3 }]).runAll();
      expect(seen).toBe(3);
      const forks = events(m, 'sched_process_fork').filter((e) => String(e.child_comm).startsWith('reqmod-'));
      expect(forks).toHaveLength(3);
      for (const e of forks) {
        expect(e.clone_flags).toBe(CLONE_FS | CLONE_FILES | SIGCHLD);
        expect(e.parent_pid).toBe(creator.pid);
      }
    });
  }
});
