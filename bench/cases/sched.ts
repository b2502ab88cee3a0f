// Scheduler events per second. An event is one task resumption by Sched.run. The workload is
// scheduler-bound: `pairs` pairs of kernel threads ping-pong on two completions (complete the
// other's, wait for one's own), so every event is a wakeup, a switch and a resume, with the
// trace recording as it always does (completion_complete, sched_wakeup, completion_wait,
// sched_switch per event).
import { Completion, complete, waitForCompletion } from '../../src/kernel/completion.ts';
import { spawnKernelThread } from '../../src/kernel/host.ts';
import type { Kernel } from '../../src/kernel/kernel.ts';
import type { KGen } from '../../src/kernel/task.ts';
import { arg, boot, report, timed } from '../common.ts';

const pairs = Number(arg('pairs', '100'));
const events = Number(arg('events', '1000000'));
const trace = arg('trace', 'on') === 'on';
const m = boot();
const k = m.k;
k.trace.enabled = trace;

for (let i = 0; i < pairs; i++) {
  const a = new Completion(`ping${i}`), b = new Completion(`pong${i}`);
  const ping = function* (kk: Kernel): KGen<number> {
    for (;;) {
      complete(kk, b);
      yield* waitForCompletion(kk, a);
    }
  };
  const pong = function* (kk: Kernel): KGen<number> {
    for (;;) {
      yield* waitForCompletion(kk, b);
      complete(kk, a);
    }
  };
  spawnKernelThread(k, `ping/${i}`, ping);
  spawnKernelThread(k, `pong/${i}`, pong);
}

m.run({ maxEvents: Math.min(200_000, events / 5) });
const e0 = k.sched.events;
const t = timed(() => { m.run({ maxEvents: events }); });
const n = k.sched.events - e0;
if (k.trace.dropped) throw new Error('the trace buffer filled up: lower --events');
report({ perSec: n / t.wallMs * 1000, perCpuSec: n / t.cpuMs * 1000, wallMs: t.wallMs, traceEventsPerEvent: trace ? k.trace.length / k.sched.events : 0 });
