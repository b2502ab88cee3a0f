// Chrome/Perfetto trace-event JSON (the "JSON trace format" ui.perfetto.dev imports): each task is
// a thread of its own process, its scheduler states are duration slices ("X"), every event is an
// instant ("i") on its thread, and names plus the parent of each process are metadata ("M").
import type { TraceEvent } from '../../uapi/trace.ts';

export interface TraceEventJson {
  name: string;
  ph: 'X' | 'i' | 'M' | 'C';
  ts: number;
  pid: number;
  tid: number;
  dur?: number;
  s?: 't' | 'p' | 'g';
  cat?: string;
  args?: Record<string, unknown>;
}

const STATE_NAMES: Record<string, string> = { R: 'Runnable', 'R+': 'Runnable', S: 'Sleeping', D: 'Uninterruptible', T: 'Stopped', Z: 'Zombie', X: 'Dead' };

/** Microseconds with nanosecond precision kept as a fraction, as the format allows. */
const us = (ns: number): number => ns / 1000;

export function toPerfetto(events: TraceEvent[], endNs?: number): { traceEvents: TraceEventJson[]; displayTimeUnit: 'ns'; metadata: Record<string, unknown> } {
  const out: TraceEventJson[] = [];
  const names = new Map<number, string>();
  const parents = new Map<number, number>();
  /** Open state slice per pid: [state, since]. */
  const open = new Map<number, [string, number]>();
  const end = endNs ?? (events.length ? events[events.length - 1].t : 0);
  const close = (pid: number, t: number): void => {
    const o = open.get(pid);
    if (!o) return;
    open.delete(pid);
    if (t > o[1]) out.push({ name: o[0], ph: 'X', ts: us(o[1]), dur: us(t - o[1]), pid, tid: pid, cat: 'sched' });
  };
  const setState = (pid: number, state: string, t: number): void => {
    if (pid === 0) return;
    close(pid, t);
    open.set(pid, [state, t]);
  };
  for (const e of events) {
    if (e.cpid && !names.has(e.cpid)) names.set(e.cpid, e.ccomm ?? e.comm);
    switch (e.event) {
      case 'sched_switch':
        setState(e.prev_pid as number, STATE_NAMES[e.prev_state as string] ?? 'Sleeping', e.t);
        setState(e.next_pid as number, 'Running', e.t);
        break;
      case 'sched_wakeup':
        setState(e.pid as number, 'Runnable', e.t);
        break;
      case 'sched_process_fork':
        parents.set(e.child_pid as number, e.parent_pid as number);
        names.set(e.child_pid as number, e.child_comm as string);
        setState(e.child_pid as number, 'Runnable', e.t);
        break;
      case 'sched_process_exec':
        if (!e.ret) names.set(e.cpid, String(e.filename).slice(String(e.filename).lastIndexOf('/') + 1));
        break;
      case 'sched_process_exit':
        setState(e.pid as number, 'Zombie', e.t);
        break;
      case 'sched_process_free':
        close(e.pid as number, e.t);
        break;
      default:
        break;
    }
    const args: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(e)) if (k !== 't' && k !== 'event' && k !== 'cpid' && k !== 'comm') args[k] = v;
    out.push({ name: e.event, ph: 'i', s: 't', ts: us(e.t), pid: e.cpid, tid: e.cpid, cat: e.src ? 'kmod.c' : 'event', args });
  }
  for (const pid of [...open.keys()]) close(pid, end);
  const meta: TraceEventJson[] = [];
  for (const [pid, name] of names) {
    meta.push({ name: 'process_name', ph: 'M', ts: 0, pid, tid: pid, args: { name: `${name} (${pid})` } });
    meta.push({ name: 'thread_name', ph: 'M', ts: 0, pid, tid: pid, args: { name } });
    meta.push({ name: 'process_sort_index', ph: 'M', ts: 0, pid, tid: pid, args: { sort_index: pid } });
    const ppid = parents.get(pid);
    if (ppid !== undefined) meta.push({ name: 'process_labels', ph: 'M', ts: 0, pid, tid: pid, args: { labels: `ppid ${ppid}` } });
  }
  meta.push({ name: 'process_name', ph: 'M', ts: 0, pid: 0, tid: 0, args: { name: 'swapper (idle)' } });
  return { traceEvents: [...meta, ...out], displayTimeUnit: 'ns', metadata: { 'clock-domain': 'khelper virtual time', source: 'khelper' } };
}
