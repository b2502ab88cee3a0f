// What the views of the machinery read from a running machine: every live task with the details
// the task panel shows, the counters (kmod slots, threads, queued work, running helpers), and the
// trace in chunks (raw typed columns, cheap to transfer, plus the strings new since last time).
import type { Kernel } from '../kernel/kernel.ts';
import type { TraceColumns } from '../kernel/trace.ts';
import { stateLetter } from '../kernel/task.ts';
import type { Task } from '../kernel/task.ts';
import { displayComm } from '../kernel/procfs.ts';
import { RLIMIT_NAMES } from '../uapi/resource.ts';
import { MAX_KMOD_CONCURRENT } from '../kernel/kmod.ts';

export interface TaskInfo {
  pid: number;
  ppid: number;
  comm: string;
  state: 'R' | 'S' | 'D' | 'T' | 'Z' | 'X';
  /** What it sleeps on ("vfork", "do_wait", "sub_info.complete", "kmod_concurrent_max"...). */
  wchan: string;
  kthread: boolean;
  argv: string[];
  envp: string[];
  exe: string;
  uid: number;
  /** Signal sets as 64-bit hex, like /proc/<pid>/status. */
  sigPending: string;
  sigBlocked: string;
  sigIgnored: string;
  sigCaught: string;
  rlimits: { name: string; cur: number | 'unlimited'; max: number | 'unlimited' }[];
  cpusAllowed: number;
  nice: number;
  fds: { fd: number; path: string; cloexec: boolean }[];
  /** Raw wait status once it exited (zombie), else null. */
  exitStatus: number | null;
  /** The seed's kmod.c line it last executed, 0 if none. */
  srcLine: number;
  startTime: number;
  /** Scenario step tag (0 = not from a step). */
  tag: number;
}

const hex = (v: number): string => (v >>> 0).toString(16).padStart(16, '0');
const lim = (v: number): number | 'unlimited' => (v >= Number.MAX_SAFE_INTEGER ? 'unlimited' : v);

export function taskInfo(k: Kernel, t: Task): TaskInfo {
  let ign = 0, cgt = 0;
  for (let sig = 1; sig < 32; sig++) {
    const h = t.sighand.action[sig].handler;
    if (h === 'ignore') ign |= 1 << (sig - 1);
    else if (typeof h === 'function') cgt |= 1 << (sig - 1);
  }
  const fds: TaskInfo['fds'] = [];
  t.files?.fds.forEach((f, fd) => { if (f) fds.push({ fd, path: f.path, cloexec: !!t.files.cloexec[fd] }); });
  return {
    pid: t.pid, ppid: t.parent?.pid ?? 0, comm: displayComm(k, t), state: stateLetter(t), wchan: t.wchan, kthread: !t.mm,
    argv: [...t.argv], envp: [...t.envp], exe: t.exe, uid: t.cred.uid,
    sigPending: hex(t.pending), sigBlocked: hex(t.blocked), sigIgnored: hex(ign), sigCaught: hex(cgt),
    rlimits: t.signal.rlim.map((r, i) => ({ name: RLIMIT_NAMES[i] ?? String(i), cur: lim(r.cur), max: lim(r.max) })),
    cpusAllowed: t.cpusAllowed, nice: t.nice, fds, exitStatus: t.exitState ? t.exitCode : null, srcLine: t.srcLine,
    startTime: t.startTime, tag: t.tag,
  };
}

/** Every task, by pid. */
export function tasks(k: Kernel): TaskInfo[] {
  return [...k.tasks.values()].sort((a, b) => a.pid - b.pid).map((t) => taskInfo(k, t));
}

export interface Counters {
  profile: string;
  /** 2.6.20: kmod_concurrent and its limit min(max_threads/2, 50); 6.6: slots in use of 50. */
  kmodInUse: number;
  kmodLimit: number;
  /** 6.6: requests waiting for a slot. */
  kmodWaiting: number;
  nrThreads: number;
  maxThreads: number;
  queuedWork: number;
  runningHelpers: number;
  modules: number;
  now: number;
}

export function counters(k: Kernel): Counters {
  const sem = k.kmodSem;
  const wqs = [k.kmod.khelperWq, k.umh.unboundWq].filter((w) => w !== null);
  return {
    profile: k.config.profile,
    kmodInUse: sem ? MAX_KMOD_CONCURRENT - sem.count : k.kmod.kmodConcurrent,
    kmodLimit: sem ? MAX_KMOD_CONCURRENT : Math.min(Math.floor(k.maxThreads / 2), MAX_KMOD_CONCURRENT),
    kmodWaiting: sem ? sem.nrWaiting : 0,
    nrThreads: k.nrThreads,
    maxThreads: k.maxThreads,
    queuedWork: wqs.reduce((n, w) => n + w!.list.length, 0),
    runningHelpers: k.kmod.runningHelpers,
    modules: k.modules.list.length,
    now: k.sched.now,
  };
}

/**
 * A chunk of the trace since `from`: typed columns (transferable), each event's argument slice,
 * and the interned strings added since `stringsFrom`. Decode with the schema of uapi/trace.ts.
 */
export interface TraceChunk extends TraceColumns {
  from: number;
  count: number;
  stringsFrom: number;
  strings: string[];
  dropped: number;
}

export function traceChunk(k: Kernel, from: number, stringsFrom: number, max = 50_000): TraceChunk {
  const tr = k.trace;
  const to = Math.min(tr.length, from + max);
  return {
    from, count: to - from, ...tr.columns(from, to),
    stringsFrom, strings: tr.strings.slice(stringsFrom), dropped: tr.dropped,
  };
}
