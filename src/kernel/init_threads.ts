// init/main.c in miniature: what pid 1 does before it becomes /sbin/init. 2.6.20: migration,
// ksoftirqd, events/0, then do_basic_setup()'s usermodehelper_init() (khelper), kthread, kblockd.
// 6.6: kthreadd (pid 2, child of the idle task) forks every kernel thread; the unbound workqueue
// pool starts with one kworker; usermode helpers stay disabled (-EBUSY) until just before init.
import { NSIG, SIGCHLD } from '../uapi/signal.ts';
import { CLONE_FILES, CLONE_FS } from '../uapi/sched.ts';
import { kernelThread } from './fork.ts';
import type { Kernel } from './kernel.ts';
import { usermodehelperInit } from './kmod.ts';
import { printk } from './printk.ts';
import { SCHED, TASK_IDLE, TASK_INTERRUPTIBLE } from './task.ts';
import type { KGen } from './task.ts';
import { doExecve } from './exec.ts';
import { userMode } from './entry.ts';
import { usermodehelperEnable } from './umh.ts';
import { Workqueue, spawnKworker } from './workqueue.ts';
import { kthreadCreate } from './kthread.ts';
import { setHandler } from './signal.ts';
import { doExit } from './exit.ts';

/**
 * A kernel thread with nothing to do in this model: it sleeps forever, interruptibly (S) as
 * kthreadd, smpboot_thread_fn() (ksoftirqd, migration, cpuhp), devtmpfsd, khungtaskd, oom_reaper,
 * kswapd and 2.6.20's worker_thread() do, or in TASK_IDLE (I) as noted at boot66().
 */
function* idleThread(k: Kernel, comm: string, state = TASK_INTERRUPTIBLE): KGen<number> {
  const t = k.current;
  t.comm = comm;
  for (;;) {
    t.state = state;
    t.wchan = 'schedule';
    yield SCHED;
  }
}

/**
 * 6.6 rescuer_thread(): the rescuer of a WQ_MEM_RECLAIM workqueue, created by init_rescuer() as
 * kthread_create(rescuer_thread, rescuer, "kworker/R-%s", wq->name) (comm cut to 15 bytes by
 * TASK_COMM_LEN); it runs at set_user_nice(current, RESCUER_NICE_LEVEL = MIN_NICE) and waits
 * with set_current_state(TASK_IDLE).
 */
function* rescuerThread(k: Kernel, comm: string): KGen<number> {
  k.current.nice = -20;
  return yield* idleThread(k, comm, TASK_IDLE);
}

/** kthreadd(): ignore_signals(), then sleep; kthreadCreate() forks in its name. */
function* kthreaddMain(k: Kernel): KGen<number> {
  const t = k.current;
  t.comm = 'kthreadd';
  for (let sig = 1; sig < NSIG; sig++) setHandler(t, sig, 'ignore');
  return yield* idleThread(k, 'kthreadd');
}

function* boot2620(k: Kernel): KGen<void> {
  for (const comm of ['migration/0', 'ksoftirqd/0', 'events/0']) yield* kernelThread(k, idleThread, comm, CLONE_FS | CLONE_FILES);
  yield* usermodehelperInit(k);
  const pid = yield* kernelThread(k, kthreadWorkerMain, null, CLONE_FS | CLONE_FILES);
  k.kthreadWorker = k.tasks.get(pid) ?? null;
  if (k.kthreadWorker) {
    k.kthreadWorker.comm = 'kthread';
    setHandler(k.kthreadWorker, SIGCHLD, 'ignore');
  }
  for (const comm of ['kblockd/0', 'kswapd0']) yield* kernelThread(k, idleThread, comm, CLONE_FS | CLONE_FILES);
}

/** 2.6.20's "kthread" workqueue thread: SIGCHLD ignored, so the threads it forks are auto-reaped. */
function* kthreadWorkerMain(k: Kernel): KGen<number> {
  const t = k.current;
  setHandler(t, SIGCHLD, 'ignore');
  return yield* idleThread(k, 'kthread');
}

function* boot66(k: Kernel): KGen<void> {
  const saved = k.sched.current!;
  // rest_init(): kthreadd is forked by the idle task, so its parent is pid 0.
  k.sched.current = k.idleTask;
  const pid = yield* kernelThread(k, kthreaddMain, null, CLONE_FS | CLONE_FILES);
  k.sched.current = saved;
  k.kthreadd = k.tasks.get(pid) ?? null;
  if (k.kthreadd) {
    k.kthreadd.comm = 'kthreadd';
    // ignore_signals(): its children inherit SIG_IGN for everything, SIGCHLD included.
    for (let sig = 1; sig < NSIG; sig++) setHandler(k.kthreadd, sig, 'ignore');
  }
  // The rescuers of rcu_gp, rcu_par_gp (rcu_init()) and mm_percpu_wq (init_mm_internals());
  // rcu_preempt is rcu_gp_kthread(), waiting in swait_event_idle_exclusive() (TASK_IDLE).
  for (const name of ['rcu_gp', 'rcu_par_gp', 'mm_percpu_wq', 'ksoftirqd/0', 'rcu_preempt', 'migration/0', 'cpuhp/0', 'kdevtmpfs', 'khungtaskd', 'oom_reaper', 'kswapd0']) {
    const rescuer = name === 'rcu_gp' || name === 'rcu_par_gp' || name === 'mm_percpu_wq';
    const comm = rescuer ? `kworker/R-${name}`.slice(0, 15) : name;
    kthreadCreate(k, comm, (kk) => (rescuer ? rescuerThread(kk, comm) : idleThread(kk, comm, name === 'rcu_preempt' ? TASK_IDLE : TASK_INTERRUPTIBLE)));
  }
  const wq = new Workqueue('events_unbound', true);
  k.umh.unboundWq = wq;
  spawnKworker(k, wq);
  usermodehelperEnable(k);
}

/** The body of pid 1. */
export function* startKernelThreads(k: Kernel, initPath: string): KGen<never> {
  if (k.legacy) yield* boot2620(k);
  else yield* boot66(k);
  k.booted = true;
  printk(k, 6, 'Freeing unused kernel memory: 256k freed');
  if (k.modern) printk(k, 6, `Run ${initPath} as init process`);
  const t = k.current;
  const ret = yield* doExecve(k, initPath, [initPath], ['HOME=/', 'TERM=linux']);
  if (ret === 0) return yield* userMode(k, t);
  printk(k, 0, `Kernel panic - not syncing: No init found.  Try passing init= option to kernel. (error ${ret})`);
  k.sched.halted = true;
  return yield* doExit(k, 0);
}
