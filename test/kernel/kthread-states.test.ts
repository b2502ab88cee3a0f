// What each boot kernel thread sleeps in, as /proc and ps show it.
// 6.6 kernel/workqueue.c init_rescuer(): a WQ_MEM_RECLAIM workqueue's rescuer is
// kthread_create(rescuer_thread, rescuer, "kworker/R-%s", wq->name) (rcu_gp and rcu_par_gp from
// rcu_init(), mm_percpu_wq from init_mm_internals()); rescuer_thread() does
// set_user_nice(current, RESCUER_NICE_LEVEL) (MIN_NICE) and sleeps in TASK_IDLE. rcu_preempt is
// rcu_gp_kthread(), waiting in swait_event_idle_exclusive() (TASK_IDLE). task_state_index()
// reports TASK_IDLE as "I (idle)". kthreadd, smpboot_thread_fn() (ksoftirqd, migration, cpuhp),
// devtmpfsd, khungtaskd, oom_reaper and kswapd sleep in TASK_INTERRUPTIBLE. 2.6.20 has no
// TASK_IDLE: its kernel threads all show S.
import { describe, expect, it } from 'vitest';
import { sh } from './procfs-format-helpers.ts';

describe('boot kernel threads\' sleep states', () => {
  it('6.6: the rescuers are kworker/R-<wq> (comm cut to 15), idle at nice -20: I<', () => {
    const out = sh('6.6', 'ps -eo stat,ni,comm').stdout;
    for (const comm of ['kworker/R-rcu_g', 'kworker/R-rcu_p', 'kworker/R-mm_pe']) expect(out).toContain(`I<   -20 ${comm}\n`);
    expect(out).not.toMatch(/ rcu_gp\n/);
  });
  it('6.6: rcu_preempt is I; kthreadd and the smpboot/wait_event threads are S', () => {
    const out = sh('6.6', 'for p in /proc/[0-9]*; do echo "$(cut -d" " -f2,3 $p/stat)"; done').stdout;
    expect(out).toContain('(rcu_preempt) I\n');
    for (const comm of ['kthreadd', 'ksoftirqd/0', 'migration/0', 'cpuhp/0', 'kdevtmpfs', 'khungtaskd', 'oom_reaper', 'kswapd0']) {
      expect(out).toContain(`(${comm}) S\n`);
    }
  });
  it('6.6: /proc/PID/status names the state "I (idle)"', () => {
    const r = sh('6.6', 'grep State /proc/3/status; grep -l "^Name:.rcu_preempt" /proc/[0-9]*/status | head -1 | xargs grep State');
    expect(r.stdout).toBe('State:\tI (idle)\nState:\tI (idle)\n');
  });
  it('2.6.20: no I at all; every kernel thread sleeps in S', () => {
    const out = sh('2.6.20', 'ps -eo stat,comm').stdout;
    expect(out).not.toMatch(/^I/m);
    expect(out).toContain('S    events/0\n');
    expect(out).toContain('S<   khelper\n');
  });
});
