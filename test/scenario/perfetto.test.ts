// The Perfetto export checked against the trace-event format (the Chrome "JSON Object Format"
// that ui.perfetto.dev imports): required keys per phase, microsecond timestamps, per-thread
// slices that never overlap, and metadata naming every process and thread.
import { describe, expect, it } from 'vitest';
import { scenario } from '../kernel/helpers.ts';
import { toPerfetto } from '../../src/init/trace/perfetto.ts';
import type { TraceEventJson } from '../../src/init/trace/perfetto.ts';
import { toFtrace } from '../../src/init/trace/ftrace.ts';

function checkFormat(doc: unknown): string[] {
  const errs: string[] = [];
  if (typeof doc !== 'object' || doc === null || !Array.isArray((doc as { traceEvents?: unknown }).traceEvents)) return ['not {traceEvents: [...]}'];
  const d = doc as { traceEvents: TraceEventJson[]; displayTimeUnit?: string };
  if (d.displayTimeUnit !== undefined && d.displayTimeUnit !== 'ms' && d.displayTimeUnit !== 'ns') errs.push('displayTimeUnit must be ms or ns');
  d.traceEvents.forEach((e, i) => {
    const where = `#${i} ${e.name}`;
    if (typeof e.name !== 'string' || !e.name) errs.push(`${where}: name`);
    if (!['X', 'i', 'M', 'C', 'B', 'E'].includes(e.ph)) errs.push(`${where}: ph ${e.ph}`);
    if (typeof e.ts !== 'number' || !(e.ts >= 0)) errs.push(`${where}: ts`);
    if (!Number.isInteger(e.pid) || !Number.isInteger(e.tid)) errs.push(`${where}: pid/tid`);
    if (e.ph === 'X' && !(typeof e.dur === 'number' && e.dur >= 0)) errs.push(`${where}: X needs dur >= 0`);
    if (e.ph === 'i' && !['t', 'p', 'g'].includes(e.s ?? 't')) errs.push(`${where}: instant scope`);
    if (e.ph === 'M') {
      if (!['process_name', 'thread_name', 'process_sort_index', 'thread_sort_index', 'process_labels'].includes(e.name)) errs.push(`${where}: unknown metadata`);
      if (!e.args || typeof e.args !== 'object') errs.push(`${where}: metadata args`);
    }
    if (e.args !== undefined && (typeof e.args !== 'object' || Array.isArray(e.args))) errs.push(`${where}: args must be an object`);
  });
  return errs;
}

describe('trace export', () => {
  const r = scenario('2.6.20', [{ requestModule: 'a', threads: 3 }, { callUsermodehelper: { path: '/sbin/fakemod', wait: 0 } }],
    { files: { '/etc/fakemod/a': 'sleep 20\n' } });
  const trace = r.m.k.trace.slice();

  it('Perfetto JSON passes the trace-event format check', () => {
    const doc = JSON.parse(JSON.stringify(toPerfetto(trace)));
    expect(checkFormat(doc)).toEqual([]);
  });

  it('Perfetto: tasks are threads with names, states are non-overlapping slices, events are instants', () => {
    const doc = toPerfetto(trace);
    const names = doc.traceEvents.filter((e) => e.ph === 'M' && e.name === 'thread_name').map((e) => e.args!.name);
    expect(names).toEqual(expect.arrayContaining(['khelper', 'fakemod', 'reqmod-0']));
    const byTid = new Map<number, TraceEventJson[]>();
    for (const e of doc.traceEvents.filter((x) => x.ph === 'X')) byTid.set(e.tid, [...(byTid.get(e.tid) ?? []), e]);
    for (const slices of byTid.values()) {
      slices.sort((a, b) => a.ts - b.ts);
      for (let i = 1; i < slices.length; i++) expect(slices[i].ts).toBeGreaterThanOrEqual(slices[i - 1].ts + slices[i - 1].dur! - 1e-6);
    }
    expect(doc.traceEvents.filter((e) => e.ph === 'X').map((e) => e.name)).toEqual(expect.arrayContaining(['Running', 'Sleeping', 'Zombie']));
    expect(doc.traceEvents.filter((e) => e.ph === 'i')).toHaveLength(trace.length);
    expect(doc.traceEvents.some((e) => e.name === 'process_labels' && /^ppid \d+$/.test(String(e.args!.labels)))).toBe(true);
  });

  it('ftrace text has one "comm-pid [000] secs: event: fields" line per event', () => {
    const lines = toFtrace(trace).split('\n').filter((l) => l && !l.startsWith('#'));
    expect(lines).toHaveLength(trace.length);
    for (const l of lines) expect(l).toMatch(/^ *\S+-\d+ \[000\] +\d+\.\d{6}: [a-z_]+: /);
  });
});
