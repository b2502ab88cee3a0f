// Boot: building the machine (root filesystem, programs, depmod of the demo modules) and running
// it to an idle /sbin/init, cold (the first in a fresh process) and warm; then one shell command
// (`sh -c 'echo hi'`) from the host, end to end, warm.
import { StepRunner } from '../../src/init/steps.ts';
import { arg, boot, report, timed } from '../common.ts';

const reps = Number(arg('reps', '20'));
const profile = arg('profile', '2.6.20') as '2.6.20' | '6.6';
const cold = timed(() => boot({ config: { profile } })).wallMs;
const warm: number[] = [];
for (let i = 0; i < reps; i++) warm.push(timed(() => boot({ config: { profile } })).wallMs);
const m = boot({ config: { profile } });
const cmd: number[] = [];
for (let i = 0; i < reps; i++) {
  cmd.push(timed(() => {
    const [r] = new StepRunner(m, [{ sh: 'echo hi' }]).runAll();
    if (!('stdout' in r) || r.stdout !== 'hi\n') throw new Error(`echo failed: ${JSON.stringify(r)}`);
  }).wallMs);
}
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1];
report({ coldBootMs: cold, warmBootMs: median(warm), commandMs: median(cmd) });
