// How a fresh engine warms up: native request_module round trips in a new process, timed in
// batches (the first request, then 2-10, 11-100, ...). V8 runs our code in its interpreter and
// baseline tiers first; the optimising compiler takes over after a few thousand round trips.
// What a playground user sees first is the left end of this curve, not the steady state.
import { arg, boot, report, requestLoop, timed } from '../common.ts';

const profile = arg('profile', '2.6.20') as '2.6.20' | '6.6';
const m = boot({ config: { profile } });
const figures: Record<string, number> = {};
for (const [label, n] of [['first', 1], ['to10', 9], ['to100', 90], ['to1000', 900], ['to5000', 4000], ['to20000', 15000]] as const) {
  const t = timed(() => requestLoop(m, 'dummy', 1, n));
  figures[`${label}Us`] = t.wallMs / n * 1000;
  figures[`${label}CpuUs`] = t.cpuMs / n * 1000;
}
report(figures);
