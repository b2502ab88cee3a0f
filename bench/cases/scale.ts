// Scaling: N kernel threads request a module at the same virtual instant (one scenario step with
// `threads: N`), on a machine whose pid_max allows them all. On 2.6.20, 50 get a modprobe and the
// rest are refused (-ENOMEM, "runaway loop"); on 6.6 the rest queue on the kmod semaphore and
// either get a slot or time out after 5 s (-ETIME). Reports the time for the step and the peak
// resident memory of the process while it ran.
import { StepRunner } from '../../src/init/steps.ts';
import { arg, boot, peakRss, report, resetPeakRss, retainedBytes, timed } from '../common.ts';

const n = Number(arg('n', '1000'));
const profile = arg('profile', '2.6.20') as '2.6.20' | '6.6';
const m = boot({ config: { profile } });
const k = m.k;
for (const [key, v] of [['kernel.pid_max', '4194304'], ['kernel.threads-max', '4000000']]) {
  const r = k.sysctl.writeKey(k, key, v);
  if (r < 0) throw new Error(`sysctl ${key}: ${r}`);
}
// Warm the JIT and the module (first load) on a small step.
new StepRunner(m, [{ requestModule: 'dummy', threads: 60 }]).runAll();
const base = retainedBytes();
const rss0 = process.memoryUsage().rss;
const reset = resetPeakRss();
let rets: number[] = [];
const t = timed(() => {
  const r = new StepRunner(m, [{ requestModule: 'dummy', threads: n }]).runAll()[0];
  if (!('rets' in r) || !Array.isArray(r.rets) || ('timedOut' in r && r.timedOut)) throw new Error('the step did not finish');
  rets = r.rets;
});
const peak = peakRss();
const ok = rets.filter((r) => r === 0).length;
report({
  wallMs: t.wallMs, cpuMs: t.cpuMs, peakRssMB: peak / 2 ** 20, peakGrowthMB: reset ? (peak - rss0) / 2 ** 20 : NaN,
  retainedAfterMB: (retainedBytes() - base) / 2 ** 20, served: ok, refused: n - ok, virtualMs: k.sched.now / 1e6,
});
