// struct task_struct and its shared parts (include/linux/sched.h): what a kernel thread or user
// process is. Processes are single-threaded here (tgid == pid); there is no mm beyond a flag.
import type { Rlimit, SigAction, Syscall, UserGen } from '../uapi/syscalls.ts';
import { USER_HZ } from '../uapi/syscalls.ts';
import type { Completion } from './completion.ts';
import type { FilesStruct, FsStruct } from './file.ts';
import type { Tty } from './tty.ts';
import type { WaitQueue } from './wait.ts';

/** ns of CPU or uptime in clock ticks of USER_HZ, as times(2) and /proc/PID/stat report them
 *  (jiffies_to_clock_t()). */
export function nsToClockT(ns: number): number {
  return Math.floor(ns / (1e9 / USER_HZ));
}

export const TASK_RUNNING = 0, TASK_INTERRUPTIBLE = 1, TASK_UNINTERRUPTIBLE = 2, TASK_STOPPED = 4,
  EXIT_ZOMBIE = 16, EXIT_DEAD = 32;
/** TASK_KILLABLE (2.6.25+): uninterruptible except for fatal signals. */
export const TASK_WAKEKILL = 128;
export const TASK_KILLABLE = TASK_UNINTERRUPTIBLE | TASK_WAKEKILL;
/**
 * 6.6 TASK_NOLOAD (0x400) and TASK_IDLE = TASK_UNINTERRUPTIBLE | TASK_NOLOAD: a sleep that takes
 * no signals and is left out of the load average; task_state_index() reports it as "I (idle)".
 */
export const TASK_NOLOAD = 0x400, TASK_IDLE = TASK_UNINTERRUPTIBLE | TASK_NOLOAD;

export const PF_EXITING = 0x4, PF_FORKNOEXEC = 0x40, PF_SUPERPRIV = 0x100, PF_NOFREEZE = 0x8000,
  PF_KTHREAD = 0x200000;

/** The value a kernel generator yields: "I have set my state; schedule()". */
export const SCHED = 0 as const;
/**
 * Yielded at a seed line where a breakpoint or line-step stops the machine: the task stays
 * runnable at the head of the run queue, so stepping does not change the schedule.
 */
export const BREAK = 1 as const;
export type KGen<T = void> = Generator<typeof SCHED | typeof BREAK, T, unknown>;

export interface Cred {
  uid: number;
  gid: number;
  euid: number;
  egid: number;
  /** Capability bit sets as arrays of two 32-bit words (low, high). */
  capEffective: [number, number];
  capPermitted: [number, number];
  capInheritable: [number, number];
  capBset: [number, number];
}

export const CAP_FULL: [number, number] = [0xffffffff >>> 0, 0x1ff];

export function rootCred(): Cred {
  return {
    uid: 0, gid: 0, euid: 0, egid: 0,
    capEffective: [...CAP_FULL], capPermitted: [...CAP_FULL], capInheritable: [0, 0], capBset: [...CAP_FULL],
  };
}

/** Credentials are replaced whole, never changed in place (commit_creds()): tasks share this one. */
const ROOT_CRED: Readonly<Cred> = rootCred();

/**
 * 2.6.20 has a 32-bit kernel_cap_t and no per-task bounding set: INIT_TASK gives cap_effective
 * CAP_INIT_EFF_SET (~0 & ~CAP_TO_MASK(CAP_SETPCAP)), cap_permitted CAP_FULL_SET (~0),
 * cap_inheritable CAP_INIT_INH_SET (0), and the global cap_bset (/proc/sys/kernel/cap-bound) starts
 * as CAP_INIT_EFF_SET. Kernel threads and init keep these; capBset carries cap_bset here.
 */
export const LEGACY_INIT_EFF: [number, number] = [0xfffffeff >>> 0, 0];
export const LEGACY_INIT_CRED: Readonly<Cred> = {
  uid: 0, gid: 0, euid: 0, egid: 0,
  capEffective: LEGACY_INIT_EFF, capPermitted: [0xffffffff >>> 0, 0], capInheritable: [0, 0], capBset: LEGACY_INIT_EFF,
};

export function capable(cred: Cred, cap: number): boolean {
  return ((cred.capEffective[cap >> 5] >>> (cap & 31)) & 1) === 1;
}

/**
 * struct sighand_struct: the handlers. fork() shares it copy-on-write (`users` counts the
 * sharers; ownSighand() copies before a change); CLONE_SIGHAND is treated the same, since
 * there are no threads here.
 */
export interface SighandStruct {
  action: SigAction[];
  users: number;
  /** `action` is the one all-default table signal.ts shares between tasks: copy before a change. */
  sharedTable: boolean;
}

/** struct signal_struct: per-process state shared by threads (rlimits, session, tty). */
export interface SignalStruct {
  rlim: Rlimit[];
  pgrp: number;
  session: number;
  tty: Tty | null;
  /** For /proc and ps: whether this process group leader is in the terminal's foreground. */
  groupExitCode: number;
}

/** The user-mode side of a task after exec: the program and its signal frames. */
export interface UserContext {
  frames: UserGen<unknown>[];
  /** The value to resume the top frame with. */
  resume: unknown;
}

/**
 * The children of a task that has had none: one shared empty Set, so the many threads that never
 * fork do not each carry a Set (the 100,000-thread scale bench spent its time in GC). Only
 * addChild() adds, and it gives the parent a Set of its own first.
 */
const NO_CHILDREN: Set<Task> = new Set();

/** list_add_tail(&p->sibling, &parent->children). */
export function addChild(parent: Task, c: Task): void {
  if (parent.children === NO_CHILDREN) parent.children = new Set();
  parent.children.add(c);
}

export class Task {
  pid = 0;
  comm = '';
  state = TASK_RUNNING;
  exitState = 0;
  /** The raw status the parent's wait4 sees (code << 8 | signal | 0x80 core). */
  exitCode = 0;
  /** Signal sent to the parent at exit (CSIGNAL bits of clone flags); -1 = none. */
  exitSignal = 17;
  flags = 0;
  /** Has a user address space (a kernel thread has none until it execs). */
  mm = false;
  parent: Task | null = null;
  realParent: Task | null = null;
  /** Add with addChild() only (the empty default is shared). */
  children = NO_CHILDREN;
  /** The kernel-side code of the task; resumed by the scheduler. */
  gen: KGen<unknown> | null = null;
  user: UserContext | null = null;
  /** An exec that succeeded: the new program to enter on return to user mode. */
  execPending: UserGen | null = null;

  files!: FilesStruct;
  fs!: FsStruct;
  sighand!: SighandStruct;
  signal!: SignalStruct;
  cred: Cred = ROOT_CRED;
  blocked = 0;
  pending = 0;
  /** The mask to restore after rt_sigsuspend. */
  savedSigmask: number | null = null;

  nice = 0;
  cpusAllowed = 1;
  onRq = false;
  startTime = 0;
  /** CPU time consumed, ns (user and system). */
  sumExec = 0;
  /** Of sumExec, the user-mode part (khelper_cpu); the rest is system time. */
  utime = 0;
  /** CPU time of reaped children and their waited-for descendants (signal->cutime, cstime). */
  cutime = 0;
  cstime = 0;
  /** System time, ns: what the kernel charged beyond the user-mode part. */
  get stime(): number {
    return this.sumExec - this.utime;
  }
  argv: readonly string[] = [];
  envp: readonly string[] = [];
  exe = '';
  vforkDone: Completion | null = null;
  /** Set while a wait4 caller sleeps, so exiting children can wake it. */
  waitChldExit = false;
  /** Step of the scenario that created this task (inherited), for "the step is finished". */
  tag = 0;
  /** Pending alarm timer, if any. */
  alarmTimer: { cancelled: boolean; expires: number } | null = null;
  /** True when the last wakeup came from a timer (nanosleep, down_timeout). */
  timedOut = false;
  /** Sleep bookkeeping for display: what the task waits on ("vfork", "wait4", "completion"...). */
  wchan = '';
  /** The kmod.c line this task last executed (the UI lights it). */
  srcLine = 0;
  /** A stop not yet reported to the parent's wait4(WUNTRACED): the stop signal. */
  stopReport = 0;
  /** A continue not yet reported to wait4(WCONTINUED). */
  contReport = false;
  /** A usermode helper that exec'd (counted in running helpers until it exits). */
  umhHelper = false;
  /** restart_block: the call to make instead when an interrupted syscall restarts (nanosleep). */
  restartBlock: Syscall | null = null;
  /** sched_yield() asked to give the CPU up on the way back to user mode. */
  yieldRequested = false;
  /**
   * Kernel threads made by kernel_thread(), kthread_create() or the host: when the function
   * returns, do_exit() runs with its value (Kernel.taskReturned), so no wrapper generator sits
   * between the scheduler and the function (one object less per thread, one level less per resume).
   */
  exitOnReturn = false;
  /**
   * Such a thread's function, called when the thread first runs (Sched.run), not at fork: a
   * function may read k.current or the clock when it is called, as it did inside the wrapper.
   */
  startFn: ((t: Task) => KGen<unknown>) | null = null;
  /** The comm last interned in the kernel's trace, and its string id (trace.ts). */
  traceComm: string | null = null;
  traceCommId = 0;
  /** The trace's context id for (pid, comm), valid while traceComm === comm. */
  traceCtxId = 0;
  /** The wait queue the task sleeps on, and its neighbours there (wait.ts). */
  wq: WaitQueue | null = null;
  wqNext: Task | null = null;
  wqPrev: Task | null = null;
}

/**
 * V8 keeps a number field as a small integer until a value that is not one is stored; then every
 * live object of the class moves to a new hidden class, each on its next access (~1.5 µs apiece).
 * Virtual nanoseconds pass 2^31 after ~2 s, so that used to happen mid-run to every sleeping
 * task at once (100,000 in the scale bench, woken by their timeouts at 5 s). One throwaway task
 * holding fractional times makes these fields doubles before any real task exists.
 */
function widenTimeFields(): void {
  const t = new Task();
  t.startTime = t.sumExec = t.utime = t.cutime = t.cstime = 0.5;
}
widenTimeFields();

/** Change one rlimit. The array is shared between forked processes until one of them writes. */
export function setRlimit(t: Task, resource: number, rlim: Rlimit): void {
  const r = t.signal.rlim.slice();
  r[resource] = rlim;
  t.signal.rlim = r;
}

export const isKthread = (t: Task): boolean => (t.flags & PF_KTHREAD) !== 0 && !t.mm;

/**
 * The one-letter state of /proc/<pid>/stat without 6.6's I: the views have no letter for it and
 * show a TASK_IDLE sleeper as S; /proc uses taskState() (procfs_status.ts), which has it.
 */
export function stateLetter(t: Task): 'R' | 'S' | 'D' | 'T' | 'Z' | 'X' {
  if (t.exitState === EXIT_DEAD) return 'X';
  if (t.exitState === EXIT_ZOMBIE) return 'Z';
  if (t.state === TASK_RUNNING) return 'R';
  if (t.state & (TASK_INTERRUPTIBLE | TASK_NOLOAD)) return 'S';
  if (t.state & TASK_UNINTERRUPTIBLE) return 'D';
  if (t.state & TASK_STOPPED) return 'T';
  return 'S';
}
