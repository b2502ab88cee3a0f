// The kernel instance: every subsystem's state lives here (no module globals), so several
// machines can run side by side in one worker. boot() follows init/main.c: the root filesystem,
// pid 1, kernel threads, do_basic_setup() (workqueues, usermodehelper_init) and /sbin/init.
import { SIGCHLD, SIGSEGV } from '../uapi/signal.ts';
import {
  RLIMIT_CORE, RLIMIT_MEMLOCK, RLIMIT_MSGQUEUE, RLIMIT_NICE, RLIMIT_NOFILE, RLIMIT_NPROC, RLIMIT_RTPRIO, RLIMIT_SIGPENDING, RLIMIT_STACK,
  RLIM_INFINITY, RLIM_NLIMITS,
} from '../uapi/resource.ts';
import type { Rlimit } from '../uapi/resource.ts';
import type { Program } from '../uapi/syscalls.ts';
import { defaultConfig, linuxBanner } from './profile.ts';
import type { KernelConfig } from './profile.ts';
import { Sched } from './sched.ts';
import { doExit } from './exit.ts';
import { TraceBuffer } from './trace.ts';
import { addChild, Task, PF_KTHREAD, TASK_STOPPED, SCHED, EXIT_DEAD, LEGACY_INIT_CRED } from './task.ts';
import type { KGen } from './task.ts';
import { newFiles } from './file.ts';
import { newSighand, sendSignal, wantsCldstop } from './signal.ts';
import { Printk, printk } from './printk.ts';
import type { LogRecord } from './printk.ts';
import type { Inode, Mount, Nameidata as NameidataT, SuperBlock } from './vfs.ts';
import { Modules } from './module.ts';
import type { NativeModule } from './module.ts';
import { Sysctl } from './sysctl.ts';
import { WaitQueue, wakeUp } from './wait.ts';
import type { Tty } from './tty.ts';
import { bootFilesystems } from './init_fs.ts';
import { startKernelThreads } from './init_threads.ts';
import { newKmodState } from './kmod.ts';
import type { KmodState } from './kmod.ts';
import { newUmhState, UMH_DISABLED } from './umh.ts';
import type { UmhState } from './umh.ts';
import { newKmodSemaphore } from './module/kmod.ts';
import type { Semaphore } from './semaphore.ts';
import type { FsType } from './filesystems.ts';
import type { FileOps } from './file.ts';
import type { PNode } from './pseudofs.ts';
import { spawnKworker } from './workqueue.ts';
import type { Workqueue } from './workqueue.ts';
import './sys_fs.ts';
import './sys_namei.ts';
import './sys_statfs.ts';
import './sys_proc.ts';

export interface KernelHost {
  /** Console bytes (printk and /dev/console writes), with \n already turned into \r\n. */
  console?(bytes: string): void;
  printk?(rec: LogRecord): void;
}

/**
 * INIT_RLIMITS (asm-generic/resource.h) with fork_init()'s NPROC and SIGPENDING of max_threads/2.
 * MLOCK_LIMIT was 8 pages until 5.16 made it 8 MiB; INR_OPEN_MAX became 4096 in 2.6.36.
 */
function initRlimits(maxThreads: number, legacy: boolean): Rlimit[] {
  const r: Rlimit[] = [];
  for (let i = 0; i < RLIM_NLIMITS; i++) r.push({ cur: RLIM_INFINITY, max: RLIM_INFINITY });
  const half = Math.floor(maxThreads / 2);
  r[RLIMIT_CORE] = { cur: 0, max: RLIM_INFINITY };
  r[RLIMIT_STACK] = { cur: 8 * 1024 * 1024, max: RLIM_INFINITY };
  r[RLIMIT_NOFILE] = { cur: 1024, max: legacy ? 1024 : 4096 };
  r[RLIMIT_NPROC] = { cur: half, max: half };
  r[RLIMIT_SIGPENDING] = { cur: half, max: half };
  r[RLIMIT_MEMLOCK] = legacy ? { cur: 32768, max: 32768 } : { cur: 8 << 20, max: 8 << 20 };
  r[RLIMIT_MSGQUEUE] = { cur: 819200, max: 819200 };
  r[RLIMIT_NICE] = { cur: 0, max: 0 };
  r[RLIMIT_RTPRIO] = { cur: 0, max: 0 };
  return r;
}

/** What the scheduler sees of a task body that has finished for good. */
const RETURNED: IteratorReturnResult<undefined> = Object.freeze({ done: true, value: undefined });

export class Kernel {
  readonly config: KernelConfig;
  readonly sched: Sched;
  readonly trace: TraceBuffer;
  readonly printk = new Printk();
  readonly tasks = new Map<number, Task>();
  nrThreads = 0;
  maxThreads: number;
  lastPid = 0;
  initTask!: Task;
  /** The src line (seed kmod.c) to attach to the next generic event (fork, wait, exec). */
  srcMark = 0;
  nextDev = 1;
  pipeSb!: SuperBlock;
  rootSb!: SuperBlock;
  rootInode!: Inode;
  /** Path lookups of root on ram filesystems (vfs.ts dcache), one map per lookup mode. */
  readonly dcache: Map<string, NameidataT | number>[] = [new Map(), new Map(), new Map(), new Map()];
  readonly mounts = { byMountpoint: new Map<Inode, Mount>(), byRoot: new Map<Inode, Mount>(), list: [] as Mount[] };
  readonly programs: Map<string, Program>;
  readonly modules: Modules;
  readonly sysctl: Sysctl;
  console: Tty | null = null;
  readonly kmod: KmodState;
  readonly umh: UmhState;
  /** 6.6: DEFINE_SEMAPHORE(kmod_concurrent_max, 50). */
  readonly kmodSem: Semaphore | null;
  /** The idle task (pid 0, "swapper"): parent of kthreadd on 6.6. */
  readonly idleTask: Task;
  /** 6.6's kthreadd (pid 2); null on 2.6.20. */
  kthreadd: Task | null = null;
  /** 2.6.20's "kthread" workqueue thread, which forks kthread_create()'s threads. */
  kthreadWorker: Task | null = null;
  booted = false;
  /** CPU_MASK_ALL for our one CPU. */
  readonly cpuMaskAll = 1;
  ueventSeqnum = 0;
  /** Work items get ids in queueing order (the trace names them). */
  workSeq = 0;
  readonly miscDevices = new Map<string, PNode>();
  randomOps: FileOps | null = null;
  kmsgOps: FileOps | null = null;
  /** Seed lines with a breakpoint, and whether to stop at the next seed line at all. */
  readonly lineBreakpoints = new Set<number>();
  lineStepping = false;
  /** Live tasks per scenario step tag, and a queue woken when one goes. */
  readonly tagCount = new Map<number, number>();
  readonly tagWait = new WaitQueue('step');
  /** Native kernel-side module implementations (lib/test_kmod.c...), by `native=` name. */
  readonly nativeModules = new Map<string, NativeModule>();
  /** Registered filesystem types (fs/filesystems.c). */
  readonly filesystems = new Map<string, FsType>();
  readonly chrdevs = new Map<number, { name: string; owner: string | null }>();
  readonly netprotos = new Map<number, { owner: string | null }>();
  /** Kernel bugs caught (oops): the machine reports them instead of crashing the host. */
  readonly oopses: string[] = [];
  readonly bootTime = 1_700_000_000; // CLOCK_REALTIME at boot, seconds (a fixed date: determinism)
  host: KernelHost = {};
  /** Extra cleanup when a task exits (tty session, step bookkeeping). */
  private readonly exitCallbacks: ((t: Task) => void)[] = [];

  constructor(config: Partial<KernelConfig> = {}, programs = new Map<string, Program>()) {
    this.config = defaultConfig(config);
    this.maxThreads = this.config.threadsMax;
    this.trace = new TraceBuffer(this.config.traceMaxEvents);
    this.sched = new Sched(this);
    this.programs = programs;
    this.kmod = newKmodState(this.config.modprobePath);
    this.umh = newUmhState();
    if (this.modern) this.umh.staticPath = this.config.staticUsermodehelper;
    if (this.legacy) this.umh.disabled = 0;
    else this.umh.disabled = UMH_DISABLED;
    this.kmodSem = this.modern ? newKmodSemaphore() : null;
    this.modules = new Modules(this);
    this.sysctl = new Sysctl(this);
    const idle = new Task();
    idle.pid = 0;
    idle.comm = 'swapper';
    idle.flags = PF_KTHREAD;
    idle.files = newFiles();
    idle.sighand = newSighand();
    idle.signal = { rlim: initRlimits(this.maxThreads, this.legacy), pgrp: 0, session: 0, tty: null, groupExitCode: 0 };
    if (this.legacy) idle.cred = LEGACY_INIT_CRED;
    this.idleTask = idle;
    bootFilesystems(this);
    idle.fs = { root: this.rootInode, cwd: this.rootInode, umask: 0o022 };
  }

  /** Should the machine stop at seed line n (a breakpoint, or stepping by line)? */
  lineStop(n: number): boolean {
    if (this.trace.breakHit >= 0) return true;
    if (this.lineStepping || this.lineBreakpoints.has(n)) {
      this.lineStepping = false;
      return true;
    }
    return false;
  }

  /** 6.6 unbound pool: no idle kworker for new work, so create one (create_worker()). */
  unboundPoolGrow(wq: Workqueue): void {
    spawnKworker(this, wq);
  }

  haltMachine(msg: string): void {
    printk(this, 0, msg);
    this.sched.halted = true;
  }

  /** The seed's era (2.6.20, and 2.6.21 which differs only in kmod.c's wait = -1). */
  get legacy(): boolean {
    return this.config.profile !== '6.6';
  }

  get modern(): boolean {
    return this.config.profile === '6.6';
  }

  get current(): Task {
    const c = this.sched.current;
    if (!c) throw new Error('BUG: no current task (called from timer context?)');
    return c;
  }

  /** Set up the root filesystem and pid 1, which then starts the kernel threads and execs init. */
  boot(initPath = '/sbin/init'): void {
    const init = new Task();
    init.pid = 1;
    this.lastPid = 1;
    init.comm = 'swapper';
    init.flags = PF_KTHREAD;
    init.files = newFiles();
    init.fs = { root: this.rootInode, cwd: this.rootInode, umask: 0o022 };
    addChild(this.idleTask, init);
    init.sighand = newSighand();
    init.signal = { rlim: initRlimits(this.maxThreads, this.legacy), pgrp: 0, session: 0, tty: null, groupExitCode: 0 };
    init.parent = init.realParent = this.idleTask;
    init.cred = this.idleTask.cred;
    init.exitSignal = SIGCHLD;
    this.initTask = init;
    this.tasks.set(1, init);
    this.nrThreads = 1;
    init.gen = startKernelThreads(this, initPath);
    this.sched.enqueue(init);
    printk(this, 5, linuxBanner(this.config.release, this.legacy));
    printk(this, 6, `Kernel command line: ${this.config.cmdline}`);
  }

  onExit(cb: (t: Task) => void): void {
    this.exitCallbacks.push(cb);
  }

  exitHooks(t: Task): void {
    if (t.umhHelper) {
      t.umhHelper = false;
      this.kmod.runningHelpers--;
    }
    // A session leader's exit hangs its controlling terminal up.
    const tty = t.signal.tty;
    if (tty && tty.session === t.pid) tty.hangup();
    for (const cb of this.exitCallbacks) cb(t);
  }

  /** A task was forgotten (reaped or auto-reaped): step bookkeeping. */
  released(t: Task): void {
    this.tagRelease(t.tag);
  }

  taskForked(t: Task): void {
    this.tagHold(t.tag);
  }

  /** Something (a task, a queued work item) now belongs to scenario step `tag`. */
  tagHold(tag: number): void {
    if (tag) this.tagCount.set(tag, (this.tagCount.get(tag) ?? 0) + 1);
  }

  tagRelease(tag: number): void {
    if (!tag) return;
    const n = (this.tagCount.get(tag) ?? 1) - 1;
    if (n <= 0) this.tagCount.delete(tag);
    else this.tagCount.set(tag, n);
    wakeUp(this, this.tagWait);
  }

  /**
   * A task's generator finished. A kernel thread made with exitOnReturn goes on into do_exit()
   * with the value its function returned (kernel_thread()'s helper: `do_exit(fn(arg))`); the
   * first step of that runs now, as it did when a wrapper generator delegated to the function.
   * Any other task finishing without do_exit is a bug in the model.
   */
  taskReturned(t: Task, value: unknown): ReturnType<KGen<unknown>['next']> {
    if (t.exitOnReturn && !t.exitState) {
      t.exitOnReturn = false;
      const gen = doExit(this, Number(value));
      t.gen = gen;
      return gen.next();
    }
    if (!t.exitState) this.oops(t, new Error('task body returned without do_exit'));
    return RETURNED;
  }

  /** A JS exception escaped kernel code: log an oops and kill the task, keep the machine up. */
  oops(t: Task, e: unknown): void {
    const msg = e instanceof Error ? `${e.message}` : String(e);
    this.oopses.push(`${t.comm}/${t.pid}: ${msg}`);
    printk(this, 1, `BUG: khelper engine error in ${t.comm}[${t.pid}]: ${msg}`);
    if (!t.exitState) {
      t.exitCode = SIGSEGV;
      t.gen = (function* dead(): KGen<never> { for (;;) yield SCHED; })();
      t.exitState = EXIT_DEAD;
      t.state = 0;
      t.parent?.children.delete(t);
      this.tasks.delete(t.pid);
      this.nrThreads--;
      this.released(t);
    }
  }

  consoleWrite(text: string): void {
    const bytes = text.replace(/\r?\n/g, '\r\n');
    if (this.console) this.console.driverWrite(bytes);
    else this.host.console?.(bytes);
  }

  onPrintk(rec: LogRecord): void {
    this.host.printk?.(rec);
  }

  /** do_signal_stop(): stop the task and tell the parent (SIGCHLD + wait4 WUNTRACED). */
  *doSignalStop(t: Task, sig: number): KGen<void> {
    t.stopReport = sig;
    this.notifyParentCldstop(t, 'stopped');
    t.state = TASK_STOPPED;
    t.wchan = 'do_signal_stop';
    yield SCHED;
  }

  notifyParentCldstop(t: Task, what: 'stopped' | 'continued'): void {
    const parent = t.parent;
    if (!parent) return;
    if (what === 'continued') t.contReport = true;
    if (wantsCldstop(parent)) sendSignal(this, SIGCHLD, parent);
    if (parent.waitChldExit) this.sched.wakeUp(parent);
  }
}
