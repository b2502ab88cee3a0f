// Cases that may never give control back to the host, run by harness.ts's isolated() in a child
// process with a wall-clock limit. Each prints one JSON line with what it observed when (if) the
// machine returned.
import { Machine } from '../../src/init/machine.ts';
import { DEFAULT_ENV, startProcess } from '../../src/init/run.ts';
import { addBallast } from '../fuzz/ballast.ts';

function sh(m: Machine, script: string) {
  return startProcess(m.k, { path: '/bin/sh', argv: ['sh', '-c', script], envp: DEFAULT_ENV, cwd: '/root' });
}

const cases: Record<string, () => unknown> = {
  /** A lone busy loop: does Machine.run({maxEvents}) return, and does virtual time move on? */
  loneBusyLoop() {
    const m = new Machine({ config: { profile: '2.6.20' } }).boot();
    sh(m, 'while :; do :; done');
    const t0 = m.now;
    const reasons = [m.run({ maxEvents: 1000 }), m.run({ maxEvents: 1000 })];
    return { reasons, advancedNs: m.now - t0 };
  },
  /** A busy loop beside a sleeper: the sleeper's timer must fire while the loop spins. */
  busyLoopAndSleeper() {
    const m = new Machine({ config: { profile: '2.6.20' } }).boot();
    const sleeper = sh(m, 'sleep 0.05; echo woke');
    m.run({ until: m.now + 1e6 }); // the sleeper is asleep before the loop starts
    const start = m.now;
    sh(m, 'while :; do :; done');
    // A shell busy loop runs ~17 times slower than real time: 0.1 s virtual is ~2 s of wall time.
    const reason = m.run({ until: start + 0.1e9, stopWhen: () => sleeper.finished });
    return { reason, sleeperOut: sleeper.stdout.data, lateNs: m.now - start - 0.05e9 };
  },
  /** A command typed at the console shell of an interactive machine (the playground). */
  consoleBusyLoop() {
    const m = new Machine({ config: { profile: '2.6.20' }, interactive: true }).boot();
    m.input('while :; do :; done\r');
    const reason = m.run({ maxEvents: 10_000 });
    return { reason };
  },
  /** An output flood with nothing else runnable: the console never blocks a writer. */
  loneConsoleFlood() {
    const m = new Machine({ config: { profile: '2.6.20' } }).boot();
    sh(m, 'while :; do echo yyyyyyyyyyyyyyy; done > /dev/console');
    const reason = m.run({ maxEvents: 10_000 });
    return { reason, consoleBytes: m.takeConsole().length };
  },
};

/** A machine with one always-runnable kernel thread, so that BUG 1 does not hide the others. */
function withBallast(): Machine {
  const m = new Machine({ config: { profile: '2.6.20' } }).boot();
  addBallast(m.k);
  return m;
}

cases.textToolOnDevZero = () => {
  const m = withBallast();
  sh(m, 'wc -c < /dev/zero > /dev/null');
  const ms: number[] = [];
  for (let i = 0; i < 8; i++) {
    const t0 = performance.now();
    m.run({ maxEvents: 1 });
    ms.push(Math.round(performance.now() - t0));
  }
  return { maxEventMs: Math.max(...ms), virtualMs: m.now / 1e6 };
};

cases.regexBacktracking = () => {
  const m = withBallast();
  const r = sh(m, `echo ${'a'.repeat(100)} | grep -E '(a*)*b'; echo rc=$?`);
  m.run({ maxEvents: 10_000, stopWhen: () => r.finished });
  return { stdout: r.stdout.data, stderr: r.stderr.data, finished: r.finished, log: m.k.printk.records.slice(-2).map((x) => x.text) };
};

cases.tailDevZero = () => {
  const m = withBallast();
  const r = sh(m, 'tail /dev/zero; echo rc=$?');
  m.run({ maxEvents: 100_000, stopWhen: () => r.finished });
  return { stdout: r.stdout.data, stderr: r.stderr.data, log: m.k.printk.records.slice(-1)[0].text, heapMB: Math.round(process.memoryUsage().heapUsed / 1e6) };
};

cases.shPatternBacktracking = () => {
  const m = withBallast();
  sh(m, `x=${'a'.repeat(170)}; case $x in *a*a*a*a*a*a*a*a*b) echo yes;; esac`);
  const t0 = performance.now();
  const reason = m.run({ maxEvents: 20 });
  return { reason, wallMs: Math.round(performance.now() - t0) };
};

cases.kmsgYesFlood = () => {
  const m = withBallast();
  sh(m, 'yes > /dev/kmsg');
  const t0 = performance.now();
  const reason = m.run({ maxEvents: 100 });
  return { reason, wallMs: Math.round(performance.now() - t0), records: m.k.printk.records.length };
};

const name = process.argv[2];
const fn = cases[name];
if (!fn) {
  process.stderr.write(`no such case: ${name}\n`);
  process.exit(2);
}
process.stdout.write(`${JSON.stringify(fn())}\n`);
