// The page's own store of the run: one lane per task with its states over virtual time, markers
// for the events that matter (fork, exec, exit, wait4, queue_work, complete, request_module,
// printk) and what the trace tells about it (argv, envp, exit status, the seed line it last ran).
// Built incrementally from trace chunks; bounded: past ITEM_CAP the oldest finished tasks go.
import { EVENTS } from '../../uapi/trace.ts';
import type { TaskTable, TraceChunk } from '../../worker/api.ts';
import { letterState, Lane, MK, S } from './lane.ts';

export * from './lane.ts';

const T = Object.fromEntries(EVENTS.map((e, i) => [e.name, i])) as Record<(typeof EVENTS)[number]['name'], number>;
const CLONE_VFORK = 0x4000;
/** Transitions plus markers kept at most; past it the oldest finished lanes are dropped. */
export const ITEM_CAP = 1_500_000;
/** A long-lived lane keeps at most this many transitions (the oldest go first). */
const LANE_CAP = 50_000;

export class Model {
  readonly strings: string[] = [];
  lanes: Lane[] = [];
  readonly byPid = new Map<number, Lane>();
  /** Lanes of freed tasks by pid, until the pid is reused: late events (the switch away from a dead task) land there. */
  private readonly freed = new Map<number, Lane>();
  private nextIndex = 0;
  /** Time of the first event seen (the trace starts after boot). */
  origin = NaN;
  /** Time of the last event seen. */
  last = 0;
  events = 0;
  items = 0;
  droppedLanes = 0;
  helpersNow = 0;
  helpersPeak = 0;
  /** Bumped on every change (views redraw when it moved). */
  version = 0;
  /** Bumped when lanes come or go or join the kmod set (the timeline's row lists change). */
  structure = 0;
  private current: Lane | null = null;

  /** cap: transitions plus markers kept at most. */
  constructor(readonly cap = ITEM_CAP) {}

  private add(pid: number, ppid: number, t: number, comm: string, kthread: boolean): Lane {
    const lane = new Lane(this.nextIndex++, pid, ppid, t, comm, kthread);
    this.freed.delete(pid);
    lane.parent = this.byPid.get(ppid) ?? null;
    this.byPid.set(pid, lane);
    this.lanes.push(lane);
    this.structure++;
    return lane;
  }

  /** The lane of a pid: the live task's, else the last one freed with that pid. */
  laneOf(pid: number): Lane | null {
    return this.byPid.get(pid) ?? this.freed.get(pid) ?? null;
  }

  private lane(pid: number, t: number): Lane | null {
    if (pid <= 0) return null;
    return this.byPid.get(pid) ?? this.freed.get(pid) ?? this.add(pid, 0, Number.isNaN(this.origin) ? t : this.origin, '', false);
  }

  private set(l: Lane, t: number, state: number): void {
    if (l.state === state) return;
    if (state === S.sleeping || state === S.disk) {
      if (l.vforkChild) state = S.vfork;
    }
    l.state = state;
    l.tr.push(t, state);
    this.items++;
    if (l.tr.length > 2 * LANE_CAP) {
      const n = l.tr.length >> 2;
      l.tr.splice(0, 2 * n);
      this.items -= n;
    }
  }

  private mark(l: Lane, t: number, kind: number, v: number): void {
    l.mk.push(t, kind + 16 * v);
    this.items++;
  }

  /** Tasks that were there before the trace began (boot's kernel threads, init, the shell). */
  seed(table: TaskTable): void {
    const first = Number.isNaN(this.origin) ? Infinity : this.origin;
    for (let i = 0; i < table.count; i++) {
      const pid = table.pids[i];
      if (this.byPid.has(pid) || table.starts[i] >= first) continue;
      const l = this.add(pid, table.ppids[i], Number.isNaN(this.origin) ? 0 : this.origin, table.comms[i], (table.flags[i] & 1) !== 0);
      l.seeded = true;
      l.helper = (table.flags[i] & 2) !== 0;
      l.umhTree = l.helper;
      l.seedState = letterState[String.fromCharCode(table.states[i])] ?? S.none;
    }
    for (const l of this.lanes) if (!l.parent && l.ppid) l.parent = this.byPid.get(l.ppid) ?? null;
    this.version++;
  }

  /** Take in events [from, c.count) until `deadline` (performance.now()); returns where it stopped. */
  ingest(c: TraceChunk, from = 0, deadline = Infinity): number {
    const strings = this.strings;
    if (from === 0) {
      strings.length = Math.min(strings.length, c.stringsFrom);
      for (const s of c.strings) strings.push(s);
    }
    const { types, times, pids, comms, srcs, argOff, args } = c;
    let i = from;
    for (; i < c.count; i++) {
      if ((i & 63) === 63 && performance.now() > deadline) break;
      const t = times[i];
      if (Number.isNaN(this.origin)) this.begin(t);
      this.last = t;
      const cl = pids[i] > 0 ? this.lane(pids[i], t) : null;
      if (cl) cl.setComm(comms[i], strings);
      this.event(types[i], t, cl, argOff[i], args, srcs[i]);
    }
    this.events += i - from;
    this.version++;
    if (this.items > this.cap) this.shrink();
    return i;
  }

  /** The first event: the lanes seeded before it start here, in their table state. */
  private begin(t: number): void {
    this.origin = t;
    for (const l of this.lanes) {
      if (!l.seeded) continue;
      l.start = t;
      if (l.seedState !== S.none) this.set(l, t, l.seedState);
    }
  }

  private event(type: number, t: number, cl: Lane | null, a: number, args: Int32Array, src: number): void {
    const str = this.strings;
    switch (type) {
      case T.sched_switch: {
        const prev = args[a + 1], next = args[a + 4];
        const p = prev > 0 ? this.lane(prev, t) : null;
        if (p) this.set(p, t, letterState[str[args[a + 2]]] ?? S.sleeping);
        const n = next > 0 ? this.lane(next, t) : null;
        if (n) this.set(n, t, S.running);
        this.current = n;
        break;
      }
      case T.sched_wakeup: {
        const l = this.lane(args[a + 1], t);
        if (l && l !== this.current && l.state !== S.running) this.set(l, t, S.runnable);
        break;
      }
      case T.sched_process_fork: {
        const parent = this.lane(args[a + 1], t);
        const pid = args[a + 3];
        let child = this.byPid.get(pid);
        if (child && child.seeded && child.mk.length === 0 && child.tr.length <= 2) {
          // Seeded from a table taken after this fork: it is this fork's child after all.
          child.start = t;
          child.seeded = false;
          child.helper = child.umhTree = false;
          this.items -= child.tr.length >> 1;
          child.tr.length = 0;
          child.state = S.none;
        } else child = this.add(pid, args[a + 1], t, str[args[a + 2]], parent?.kthread ?? false);
        child.ppid = args[a + 1];
        child.parent = parent;
        if (parent) {
          child.kthread = parent.kthread && !parent.helper;
          child.umhTree = parent.umhTree;
          child.kmod = parent.kmod && (parent.kthread || parent.umhTree);
          this.structure++;
          this.mark(parent, t, MK.fork, pid);
          if (args[a + 4] & CLONE_VFORK) parent.vforkChild = pid;
        }
        this.set(child, t, S.runnable);
        break;
      }
      case T.sched_process_exec: {
        if (!cl) break;
        const argc = args[a + 3];
        const envAt = a + 4 + argc;
        const envc = args[envAt];
        const ret = args[envAt + 1 + envc];
        if (ret === 0) {
          cl.filename = str[args[a]];
          cl.argv = Array.from(args.subarray(a + 4, a + 4 + argc), (id) => str[id]);
          cl.envp = Array.from(args.subarray(envAt + 1, envAt + 1 + envc), (id) => str[id]);
          if (cl.kthread) {
            cl.kernelArgv = cl.argv;
            cl.kernelEnvp = cl.envp;
            cl.kthread = false;
            cl.helper = true;
            cl.umhTree = true;
            this.joinKmod(cl);
            cl.counted = true;
            this.helpersNow++;
            if (this.helpersNow > this.helpersPeak) this.helpersPeak = this.helpersNow;
          }
          this.mark(cl, t, MK.exec, args[a]);
          this.endVfork(cl);
        } else this.mark(cl, t, MK.execFail, ret);
        if (src) cl.line = src;
        break;
      }
      case T.sched_process_exit: {
        const l = this.lane(args[a + 1], t);
        if (!l) break;
        l.exitStatus = args[a + 2];
        this.mark(l, t, MK.exit, args[a + 2]);
        this.set(l, t, S.zombie);
        if (l.counted) {
          l.counted = false;
          this.helpersNow--;
        }
        this.endVfork(l);
        break;
      }
      case T.sched_process_free: {
        const pid = args[a + 1];
        const l = this.byPid.get(pid);
        if (!l) break;
        this.set(l, t, S.dead);
        l.end = t;
        this.byPid.delete(pid);
        this.freed.set(pid, l);
        break;
      }
      case T.sched_process_wait:
        if (cl) this.mark(cl, t, MK.wait, args[a + 2]);
        break;
      case T.workqueue_queue_work:
        if (cl) this.mark(cl, t, MK.queue, args[a + 1]);
        break;
      case T.workqueue_execute_start:
        if (cl && str[args[a + 1]]?.includes('usermodehelper')) this.joinKmod(cl);
        break;
      case T.completion_complete:
        if (cl) this.mark(cl, t, MK.complete, args[a]);
        break;
      case T.module_request:
        if (cl) {
          this.joinKmod(cl);
          this.mark(cl, t, MK.request, args[a]);
        }
        break;
      case T.module_request_ret:
        if (cl) this.mark(cl, t, MK.requestRet, args[a + 1]);
        break;
      case T.umh_call:
      case T.kmod_concurrent:
        if (cl) this.joinKmod(cl);
        break;
      case T.printk:
        if (cl) this.mark(cl, t, MK.printk, args[a + 1]);
        break;
      case T.signal_generate: {
        const l = this.lane(args[a + 1], t);
        if (l) this.mark(l, t, MK.signal, args[a]);
        break;
      }
      case T.kmod_line:
        if (cl) {
          this.joinKmod(cl);
          cl.line = src;
          cl.fn = str[args[a]];
        }
        break;
      default:
        break;
    }
  }

  private joinKmod(l: Lane): void {
    if (l.kmod) return;
    l.kmod = true;
    this.structure++;
  }

  private endVfork(child: Lane): void {
    const p = child.parent;
    if (p && p.vforkChild === child.pid) p.vforkChild = 0;
  }

  /** Over the cap: drop the oldest finished lanes (then halve long lanes) and say so. */
  private shrink(): void {
    const target = this.cap * 0.75;
    const keep: Lane[] = [];
    for (const l of this.lanes) {
      if (this.items > target && l.end !== Infinity) {
        this.items -= (l.tr.length + l.mk.length) >> 1;
        this.droppedLanes++;
        continue;
      }
      keep.push(l);
    }
    this.lanes = keep;
    this.structure++;
    for (const l of keep) {
      if (this.items <= target) break;
      const n = l.mk.length >> 2;
      l.mk.splice(0, 2 * n);
      this.items -= n;
    }
    const alive = new Set(keep);
    for (const [pid, l] of this.freed) if (!alive.has(l)) this.freed.delete(pid);
    for (const l of keep) if (l.parent && !alive.has(l.parent)) l.parent = null;
  }
}

