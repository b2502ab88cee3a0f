#!/usr/bin/env node
// `npm run fuzz`: the properties of test/fuzz/targets.ts with their full case counts (100,000+
// in total), one worker thread per target, two at a time (the machines have two cores). Prints
// the cases run, what the targets saw and the seed; a failure prints its counterexample and how to
// replay it, a case that hangs is stopped by a watchdog and printed too. Exit status 1 on any.
//
//   npm run fuzz                       # seed = time-based, printed
//   npm run fuzz -- --seed 1234        # replay a run
//   npm run fuzz -- --only n_tty --scale 0.1
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { writeFileSync } from 'node:fs';

const HANG_MS = 60_000;

if (isMainThread) {
  const args = process.argv.slice(2);
  const opt = (name, def) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : def;
  };
  // A seed the user can pass back; the clock is only used to pick it (the engine never sees it).
  const seed = Number(opt('seed', String(Date.now() % 0x7fffffff)));
  const scale = Number(opt('scale', '1'));
  const only = opt('only', null);
  const { tsImport } = await import('tsx/esm/api');
  const { TARGETS } = await tsImport('../test/fuzz/targets.ts', import.meta.url);
  const names = TARGETS.map((t) => t.name).filter((n) => !only || n === only);
  if (!names.length) {
    console.error(`no target named ${only}; targets: ${TARGETS.map((t) => t.name).join(', ')}`);
    process.exit(2);
  }
  console.log(`fuzz: seed ${seed}, ${names.length} targets, scale ${scale}`);
  const results = [];
  const runOne = (name) => new Promise((resolve) => {
    const w = new Worker(fileURLToPath(import.meta.url), { workerData: { name, seed, scale } });
    let last = Date.now();
    let cases = 0;
    let input = null;
    const dog = setInterval(() => {
      if (Date.now() - last < HANG_MS) return;
      clearInterval(dog);
      w.terminate();
      if (input !== null) writeFileSync(`fuzz-hang-${name}.json`, `${input}\n`);
      resolve({ name, hang: true, cases, seed, input });
    }, 1000);
    w.on('message', (m) => {
      last = Date.now();
      if (m.type === 'tick') cases = m.cases;
      else if (m.type === 'case') {
        cases = m.cases;
        input = m.input;
      } else {
        clearInterval(dog);
        resolve(m);
      }
    });
    w.on('error', (e) => {
      clearInterval(dog);
      resolve({ name, error: String(e && e.stack || e), cases, seed });
    });
  });
  const queue = [...names];
  const lane = async () => {
    while (queue.length) {
      const r = await runOne(queue.shift());
      results.push(r);
      report(r);
    }
  };
  await Promise.all([lane(), lane()]);
  let total = 0;
  let bad = 0;
  for (const r of results) {
    total += r.numRuns ?? r.cases ?? 0;
    if (r.failed || r.hang || r.error) bad++;
  }
  console.log(`\nfuzz: ${total} cases over ${results.length} targets, ${bad} failing; seed ${seed}`);
  process.exit(bad ? 1 : 0);
} else {
  const { name, seed, scale } = workerData;
  const { tsImport } = await import('tsx/esm/api');
  const fc = (await import('fast-check')).default;
  const { TARGETS, progress } = await tsImport('../test/fuzz/targets.ts', import.meta.url);
  const t = TARGETS.find((x) => x.name === name);
  progress.onTick = (cases) => parentPort.postMessage({ type: 'tick', cases });
  if (t.watchCases) progress.onCase = (cases, input) => parentPort.postMessage({ type: 'case', cases, input: JSON.stringify(input) });
  const numRuns = Math.max(1, Math.round(t.fuzzRuns * scale));
  const t0 = performance.now();
  const r = fc.check(t.property(), { numRuns, seed });
  const ms = performance.now() - t0;
  parentPort.postMessage({
    type: 'done', name, seed, numRuns: r.numRuns, ms, failed: r.failed, stats: t.stats,
    heapMB: Math.round(process.memoryUsage().heapUsed / 1e6),
    counterexample: r.failed ? JSON.stringify(r.counterexample) : undefined,
    path: r.failed ? r.counterexamplePath : undefined,
    error: r.failed ? String(r.errorInstance && r.errorInstance.message || r.errorInstance) : undefined,
  });
}

function report(r) {
  if (r.hang) {
    const input = r.input ? `\n  the case that hangs (also in fuzz-hang-${r.name}.json): ${r.input.length > 2000 ? `${r.input.slice(0, 2000)}…` : r.input}` : '';
    console.log(`✗ ${r.name}: HANG at case ${r.cases} (no progress for ${HANG_MS / 1000} s; seed ${r.seed})${input}`);
  } else if (r.failed || r.error && !r.numRuns) {
    console.log(`✗ ${r.name}: FAILED after ${r.numRuns ?? r.cases} cases\n  ${r.error}\n  counterexample: ${r.counterexample}\n  replay: fc.assert(property, { seed: ${r.seed}, path: "${r.path}" })`);
  } else {
    const stats = Object.entries(r.stats).map(([k, v]) => `${k} ${v}`).join(', ');
    console.log(`✓ ${r.name}: ${r.numRuns} cases in ${(r.ms / 1000).toFixed(1)} s, 0 crashes${stats ? ` (${stats})` : ''}, heap ${r.heapMB} MB`);
  }
}
