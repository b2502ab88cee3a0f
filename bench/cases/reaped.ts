// Memory a finished request leaves behind: one kernel thread makes `n` request_module() calls
// in a row (each forks wait_for_helper and the helper, which execs modprobe, exits and is reaped),
// and the retained heap + off-heap memory after a full GC is compared with before. The trace is
// included: it is the one thing that is meant to grow.
import { arg, boot, report, requestLoop, retainedBytes } from '../common.ts';

const n = Number(arg('n', '20000'));
const profile = arg('profile', '2.6.20') as '2.6.20' | '6.6';
const m = boot({ config: { profile } });
const k = m.k;
requestLoop(m, 'dummy', 1, 500);
const tr0 = k.trace.length, args0 = k.trace.argCount, ctx0 = k.trace.contextCount;
const before = retainedBytes();
requestLoop(m, 'dummy', 1, n);
const after = retainedBytes();
// Tasks reaped per request: the trace's sched_process_free events.
let freed = 0;
for (let i = tr0; i < k.trace.length; i++) if (k.trace.typeOf(i) === 'sched_process_free') freed++;
const tasks = freed / n;
const perRequest = (after - before) / n;
report({
  bytesPerRequest: perRequest, bytesPerTask: perRequest / tasks, tasksPerRequest: tasks,
  traceEventsPerRequest: (k.trace.length - tr0) / n, liveTasks: k.tasks.size,
  // The trace's own share: 16.25 bytes of columns per event (type 2, time 8, context 4, source
  // line 2, an argument offset every 16 events), 4 per argument slot, 16 per (pid, comm) context.
  traceBytesPerRequest: ((k.trace.length - tr0) * 16.25 + (k.trace.argCount - args0) * 4 + (k.trace.contextCount - ctx0) * 16) / n,
});
