// kernel/kthread.c (6.6): kthreadd (pid 2) forks every kernel thread, so they are its children
// and inherit its state: all signals ignored, no user memory. 2.6.20 has no kthreadd (its
// kthreads are forked by their creator); there the caller's kernel_thread() is used instead.
import type { Kernel } from './kernel.ts';
import { copyProcess } from './fork.ts';
import { CLONE_FILES, CLONE_FS } from '../uapi/sched.ts';
import { SIGCHLD } from '../uapi/signal.ts';
import type { KGen, Task } from './task.ts';

/** Create a kernel thread whose parent is kthreadd, running body; returns the task or -errno. */
export function kthreadCreate(k: Kernel, comm: string, body: (k: Kernel) => KGen<number>): Task | number {
  // 2.6.20 has no kthreadd: the "kthread" workqueue thread forks kernel threads (keventd_create_kthread).
  const kthreadd = k.kthreadd ?? k.kthreadWorker;
  if (!kthreadd) throw new Error('BUG: kthreadCreate before kthreadd');
  const saved = k.sched.current;
  // copy_process() runs in kthreadd's context: the child inherits kthreadd's state.
  k.sched.current = kthreadd;
  // create_kthread(): kernel_thread(kthread, create, CLONE_FS | CLONE_FILES | SIGCHLD); the
  // parent ignores SIGCHLD, so a finished kthread is reaped at once.
  const p = copyProcess(k, CLONE_FS | CLONE_FILES | SIGCHLD, () => body(k), { comm, exitOnReturn: true });
  k.sched.current = saved;
  return p;
}

