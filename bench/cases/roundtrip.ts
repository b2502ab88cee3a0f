// request_module() round trips per second: kernel threads call request_module("dummy") in a loop
// (one thread = one at a time; 50 threads = 50 concurrent, the 2.6.20 kmod_concurrent limit),
// with the native /sbin/modprobe or a 10-line sh wrapper that execs it. --via=steps drives the
// same requests as scenario steps instead (one requestModule step per request or per 50).
import { StepRunner } from '../../src/init/steps.ts';
import type { Step } from '../../src/init/steps.ts';
import { arg, boot, countSyscalls, report, requestLoop, SCRIPT_MODPROBE, timed, total } from '../common.ts';

const modprobe = arg('modprobe', 'native');
const conc = Number(arg('conc', '1'));
const n = Number(arg('n', '20000'));
const via = arg('via', 'threads');
const profile = arg('profile', '2.6.20') as '2.6.20' | '6.6';
const MODULE = 'dummy';

const m = boot({
  config: { profile },
  files: { '/usr/local/sbin/modprobe-wrapper': { content: SCRIPT_MODPROBE, mode: 0o755 } },
});
const k = m.k;
if (modprobe === 'script') {
  const r = k.sysctl.writeKey(k, 'kernel.modprobe', '/usr/local/sbin/modprobe-wrapper');
  if (r < 0) throw new Error(`sysctl kernel.modprobe: ${r}`);
}

function run(count: number): number {
  if (via === 'steps') {
    const steps: Step[] = [];
    for (let i = 0; i < count / conc; i++) steps.push(conc === 1 ? { requestModule: MODULE } : { requestModule: MODULE, threads: conc });
    const res = new StepRunner(m, steps).runAll();
    let ok = 0;
    for (const r of res) if ('rets' in r && Array.isArray(r.rets)) for (const x of r.rets) if (x === 0) ok++;
    return ok;
  }
  return requestLoop(m, MODULE, conc, count / conc);
}

// Warm up: the first request loads the module; the JIT settles over the next ones.
run(Math.max(conc, Math.min(2000, n / 5)));
const ev0 = k.sched.events, tr0 = k.trace.length, ns0 = k.sched.now;
let ok = 0;
const t = timed(() => { ok = run(n); });
if (ok !== n) throw new Error(`only ${ok} of ${n} requests returned 0`);
const events = (k.sched.events - ev0) / n, traceEvents = (k.trace.length - tr0) / n, virtUs = (k.sched.now - ns0) / n / 1000;
if (k.trace.dropped) throw new Error('the trace buffer filled up: lower --n');
// Count syscalls on a short extra run (the counting wrappers would distort the timing).
const counts = countSyscalls();
const c = Math.max(conc, 200);
run(c);
report({
  perSec: n / t.wallMs * 1000, perCpuSec: n / t.cpuMs * 1000, wallMs: t.wallMs,
  syscalls: total(counts) / c, schedEvents: events, traceEvents, virtualUs: virtUs,
});
