// ftrace's text format (the "trace" file of tracefs): "comm-pid [cpu] seconds: event: fields",
// one line per event, fields as name=value in tracepoint order.
import type { TraceEvent } from '../../uapi/trace.ts';

function value(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map((x) => JSON.stringify(x)).join(',')}]`;
  if (typeof v === 'string') return /[\s=]/.test(v) || v === '' ? JSON.stringify(v) : v;
  return String(v);
}

export function ftraceLine(e: TraceEvent): string {
  const secs = Math.floor(e.t / 1e9);
  const usecs = String(Math.floor((e.t % 1e9) / 1e3)).padStart(6, '0');
  const task = `${(e.ccomm ?? e.comm) || '<idle>'}-${e.cpid}`;
  const fields: string[] = [];
  for (const [k, v] of Object.entries(e)) {
    if (k === 't' || k === 'event' || k === 'cpid' || k === 'ccomm' || k === 'src') continue;
    if (k === 'comm' && e.ccomm === undefined) continue;
    fields.push(`${k}=${value(v)}`);
  }
  if (e.src) fields.push(`src=${e.src}`);
  return `${task.padStart(22)} [000] ${String(secs).padStart(5)}.${usecs}: ${e.event}: ${fields.join(' ')}`;
}

export function toFtrace(events: TraceEvent[]): string {
  const head = '# tracer: nop\n#\n#           TASK-PID     CPU#  TIMESTAMP  FUNCTION\n#              | |         |         |         |\n';
  return head + events.map((e) => `${ftraceLine(e)}\n`).join('');
}
