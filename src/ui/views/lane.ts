// One lane of the timeline: a task's states over virtual time and its markers, kept as (time,
// value) pairs in plain arrays of doubles, plus what the trace told about the task. Also the
// small helpers views use on them (binary searches, marker codes, tree order).

/** Lane states. */
export const S = { none: 0, running: 1, runnable: 2, sleeping: 3, disk: 4, vfork: 5, zombie: 6, stopped: 7, dead: 8 } as const;
export const STATE_NAMES = ['unknown', 'running', 'runnable', 'sleeping', 'uninterruptible', 'waiting on vfork', 'zombie', 'stopped', 'gone'];

/** Marker kinds. */
export const MK = { fork: 0, exec: 1, execFail: 2, exit: 3, wait: 4, queue: 5, complete: 6, request: 7, requestRet: 8, printk: 9, signal: 10 } as const;
export const MARKER_NAMES = ['kernel_thread / fork', 'execve', 'execve failed', 'exit', 'wait4', 'queue_work', 'complete', 'request_module', 'request_module returned', 'printk', 'signal'];

/** In an array of (time, x) pairs sorted by time: the index of the first pair with time > t. */
export function upper2(a: number[], t: number): number {
  let lo = 0, hi = a.length >> 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[2 * mid] <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The index of the first pair with time >= t. */
export function lower2(a: number[], t: number): number {
  let lo = 0, hi = a.length >> 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[2 * mid] < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export const markKind = (code: number): number => ((code % 16) + 16) % 16;
export const markValue = (code: number): number => (code - markKind(code)) / 16;

/**
 * An empty array whose elements are doubles from the start: times grow past 2^31 ns, and an
 * array that changes element kind on the way deoptimizes the code that filled it.
 */
function doubles(): number[] {
  const a = [0.5];
  a.length = 0;
  return a;
}

export class Lane {
  end = Infinity;
  comm: string;
  private commId = -1;
  kthread: boolean;
  /** A kernel thread that became a user process by kernel_execve: a usermode helper. */
  helper = false;
  /** A helper or a descendant of one. */
  umhTree = false;
  /** Took part in module requests (request, helper, khelper, wait_for_helper...). */
  kmod = false;
  parent: Lane | null = null;
  argv: string[] | null = null;
  envp: string[] | null = null;
  /** For a helper: what kernel_execve() handed it (later execs of its own replace argv/envp). */
  kernelArgv: string[] | null = null;
  kernelEnvp: string[] | null = null;
  filename = '';
  exitStatus: number | null = null;
  /** The seed line it last executed, and its function. */
  line = 0;
  fn = '';
  /** The vfork child whose exec or exit ends our wait. */
  vforkChild = 0;
  state: number = S.none;
  /** State transitions as pairs: time, new state (two arrays' worth of data in one, fewer objects). */
  readonly tr: number[] = doubles();
  /** Markers as pairs: time, kind + 16 × value (a pid, a status, a string id). */
  readonly mk: number[] = doubles();
  /** Seeded from the task table, not seen forking: its start is the start of the trace. */
  seeded = false;
  /** Its state in that table (shown from the start of the trace until an event says more). */
  seedState: number = S.none;
  /** Counted in helpersNow (exec'd from a kernel thread, not exited yet). */
  counted = false;
  /** Its row in the timeline's current list (-1: not shown); set by the view. */
  row = -1;

  constructor(readonly index: number, readonly pid: number, public ppid: number, public start: number, comm: string, kthread: boolean) {
    this.comm = comm;
    this.kthread = kthread;
  }

  setComm(id: number, strings: string[]): void {
    if (id !== this.commId) {
      this.commId = id;
      this.comm = strings[id] ?? this.comm;
    }
  }

  /** The state at time t (S.none before the lane's first transition). */
  stateAt(t: number): number {
    const i = upper2(this.tr, t);
    return i === 0 ? S.none : this.tr[2 * i - 1];
  }
}

export const letterState: Record<string, number> = { R: S.runnable, 'R+': S.runnable, S: S.sleeping, D: S.disk, T: S.stopped, t: S.stopped, Z: S.zombie, X: S.dead };

/**
 * The lanes in tree order (each child under its parent, siblings in creation order), like
 * pstree; with kmodOnly, only lanes that took part in module requests, under their nearest
 * ancestor that did.
 */
export function treeOrder(lanes: Lane[], kmodOnly: boolean): Lane[] {
  const shown = kmodOnly ? lanes.filter((l) => l.kmod) : lanes;
  const inSet = new Set(shown);
  const kids = new Map<Lane, Lane[]>();
  const roots: Lane[] = [];
  for (const l of shown) {
    let p = l.parent;
    for (let up = 0; p && !inSet.has(p) && up < 64; up++) p = p.parent;
    if (p && !inSet.has(p)) p = null;
    if (!p) roots.push(l);
    else {
      const k = kids.get(p);
      if (k) k.push(l);
      else kids.set(p, [l]);
    }
  }
  const out: Lane[] = [];
  const stack = roots.reverse();
  while (stack.length) {
    const l = stack.pop()!;
    out.push(l);
    const k = kids.get(l);
    if (k) for (let i = k.length - 1; i >= 0; i--) stack.push(k[i]);
  }
  return out;
}

