#!/usr/bin/env node
// `npm run bench`: the engine's benchmarks (docs/performance.md). Each case in bench/cases runs
// in its own Node process (bundled once with esbuild, or through tsx if esbuild is missing),
// several times; the table shows the median of the runs beside its budget, and
// bench/results.json keeps every run with the machine it ran on.
//   node bench/run.js [--quick] [--reps=N] [--only=SUBSTRING]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const a = args.find((x) => x.startsWith(`--${name}=`));
  return a ? a.slice(name.length + 3) : fallback;
};
const quick = args.includes('--quick');
const repsOverride = opt('reps', null);
const only = opt('only', '');

/** Build every case into one directory of .mjs files; null when esbuild is not installed. */
async function bundle() {
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    return null;
  }
  const out = mkdtempSync(join(tmpdir(), 'khelper-bench-'));
  const cases = readdirSync(join(HERE, 'cases')).filter((f) => f.endsWith('.ts'));
  await esbuild.build({
    entryPoints: cases.map((f) => join(HERE, 'cases', f)), outdir: out, outExtension: { '.js': '.mjs' },
    bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning',
  });
  return out;
}

const built = await bundle();
const caseCommand = (name) => (built
  ? [join(built, `${name}.mjs`)]
  : ['--import', 'tsx', join(HERE, 'cases', `${name}.ts`)]);

/** Run one case `reps` times; each run's figures come from its "BENCH {...}" line. */
function runCase(name, caseArgs, reps) {
  const runs = [];
  for (let r = 0; r < reps; r++) {
    const p = spawnSync(process.execPath, ['--expose-gc', ...caseCommand(name), ...caseArgs], { encoding: 'utf8', maxBuffer: 1 << 26 });
    const line = p.stdout.split('\n').find((l) => l.startsWith('BENCH '));
    if (p.status !== 0 || !line) {
      process.stderr.write(`\n${name} ${caseArgs.join(' ')} failed (status ${p.status}):\n${p.stderr.slice(-2000)}\n`);
      runs.push(null);
      continue;
    }
    runs.push(JSON.parse(line.slice(6)));
    process.stderr.write('.');
  }
  return runs;
}

const median = (xs) => {
  const s = xs.filter((x) => typeof x === 'number' && !Number.isNaN(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const rows = [];
const raw = [];

/** A row: the median of one figure over the runs, with its budget (or none). */
function row(group, what, runs, key, unit, budget = null, extra = {}) {
  const vals = runs.filter(Boolean).map((r) => r[key]);
  const value = median(vals);
  let pass = null;
  if (budget) pass = Number.isFinite(value) && (budget.min !== undefined ? value >= budget.min : value <= budget.max);
  const cpu = extra.cpuKey ? median(runs.filter(Boolean).map((r) => r[extra.cpuKey])) : undefined;
  // The same budget judged on CPU time: what the figure is when the process has a core to itself.
  const cpuPass = cpu !== undefined && budget ? cpu >= budget.min : undefined;
  rows.push({
    group, what, value, unit, min: Math.min(...vals), max: Math.max(...vals), runs: vals.length, budget, pass,
    ...(cpu !== undefined ? { perCpuSecond: cpu, cpuPass } : {}),
  });
}

function bench(name, caseArgs, reps, fn) {
  const label = `${name} ${caseArgs.join(' ')}`;
  if (only && !label.includes(only)) return;
  process.stderr.write(`${label} `);
  const runs = runCase(name, caseArgs, repsOverride ? Number(repsOverride) : reps);
  process.stderr.write('\n');
  raw.push({ case: name, args: caseArgs, runs });
  fn(runs);
}

const R = quick ? 3 : 5;
const n = (full, small) => String(quick ? small : full);

// 0. Boot and one command.
for (const profile of ['2.6.20', '6.6']) {
  bench('boot', [`--profile=${profile}`], R, (runs) => {
    row('boot', `${profile}: boot to an idle init, cold (first in a fresh process)`, runs, 'coldBootMs', 'ms');
    row('boot', `${profile}: boot, warm`, runs, 'warmBootMs', 'ms');
    row('boot', `${profile}: one command (sh -c 'echo hi'), fork to reap`, runs, 'commandMs', 'ms');
  });
}

// 0b. A fresh engine warming up (what the first requests in a playground cost).
bench('warmup', [], R, (runs) => {
  for (const [key, what] of [['first', 'the first request'], ['to10', 'requests 2-10'], ['to100', 'requests 11-100'], ['to1000', 'requests 101-1,000'], ['to5000', 'requests 1,001-5,000'], ['to20000', 'requests 5,001-20,000']]) {
    row('warm-up', `native round trip in a fresh process, ${what}, each`, runs, `${key}Us`, 'µs');
    row('warm-up', '  the same, CPU time', runs, `${key}CpuUs`, 'µs CPU');
  }
});

// 1. request_module round trips.
for (const [mp, min, count] of [['native', 100_000, 30_000], ['script', 20_000, 3_000]]) {
  for (const conc of [1, 50]) {
    bench('roundtrip', [`--modprobe=${mp}`, `--conc=${conc}`, `--n=${n(count, count / 5)}`], R, (runs) => {
      row('request_module', `${mp} modprobe, ${conc === 1 ? 'one at a time' : '50 concurrent'}`, runs, 'perSec', 'round trips/s', { min }, { cpuKey: 'perCpuSec' });
      if (conc === 1) {
        for (const [key, what] of [['syscalls', 'syscalls'], ['schedEvents', 'scheduler events'], ['traceEvents', 'trace events'], ['virtualUs', 'virtual µs']]) {
          row('request_module', `${mp} modprobe: ${what} per round trip`, runs, key, '');
        }
      }
    });
  }
}
for (const conc of [1, 50]) {
  bench('roundtrip', ['--modprobe=native', `--conc=${conc}`, `--n=${n(20_000, 5_000)}`, '--via=steps'], R, (runs) => {
    row('request_module', `native, as scenario steps (${conc === 1 ? 'one request per step' : 'threads: 50'})`, runs, 'perSec', 'round trips/s', { min: 100_000 }, { cpuKey: 'perCpuSec' });
  });
}

// 2. The scheduler.
bench('sched', ['--pairs=100', `--events=${n(1_000_000, 300_000)}`], R, (runs) => {
  row('scheduler', 'events/s, 200 kthreads ping-ponging on completions (trace on)', runs, 'perSec', 'events/s', { min: 2_000_000 }, { cpuKey: 'perCpuSec' });
});
bench('sched', ['--pairs=100', `--events=${n(2_000_000, 500_000)}`, '--trace=off'], R, (runs) => {
  row('scheduler', 'events/s, same with the trace off', runs, 'perSec', 'events/s', null, { cpuKey: 'perCpuSec' });
});

// 3. Scaling with concurrent requesting threads.
for (const profile of ['2.6.20', '6.6']) {
  const sizes = quick ? [10, 100, 1000, 10000] : [10, 100, 1000, 10000, 100000];
  const times = new Map();
  for (const size of sizes) {
    bench('scale', [`--n=${size}`, `--profile=${profile}`], size >= 100000 ? Math.min(R, 3) : R, (runs) => {
      const what = `${profile}: ${size.toLocaleString('en')} threads`;
      const big = size === 100000;
      row('scaling', `${what}, time`, runs, 'wallMs', 'ms', big ? { max: 2000 } : null);
      row('scaling', `${what}, CPU time`, runs, 'cpuMs', 'ms CPU', big ? { max: 2000 } : null);
      row('scaling', `${what}, peak RSS`, runs, 'peakRssMB', 'MB', big ? { max: 512 } : null);
      row('scaling', `${what}, requests that ran modprobe`, runs, 'served', '');
      times.set(size, median(runs.filter(Boolean).map((r) => r.wallMs)));
      const prev = times.get(size / 10);
      if (prev && size >= 1000) {
        // Linear growth: ten times the threads may cost at most 15 times the time (quadratic: 100).
        const ratio = times.get(size) / prev;
        rows.push({ group: 'scaling', what: `${profile}: time(${size.toLocaleString('en')}) / time(${(size / 10).toLocaleString('en')})`, value: ratio, unit: '×', runs: runs.length, budget: { max: 15 }, pass: ratio <= 15 });
      }
    });
  }
}

// 4. Memory a finished request leaves behind.
bench('reaped', [`--n=${n(20_000, 5_000)}`], R, (runs) => {
  row('memory', 'retained per finished request (trace included)', runs, 'bytesPerRequest', 'bytes');
  row('memory', '  of which the trace (53 events)', runs, 'traceBytesPerRequest', 'bytes');
  row('memory', 'retained per reaped task', runs, 'bytesPerTask', 'bytes', { max: 1024 });
  row('memory', 'tasks reaped per request', runs, 'tasksPerRequest', '');
});

// 5. The shell.
bench('shell', [`--reps=${quick ? 3 : 7}`], 3, (runs) => {
  row('shell', '1,000-iteration while loop with arithmetic (sh -c, whole run)', runs, 'whileLoopMs', 'ms');
  row('shell', '  the same, CPU time', runs, 'whileLoopCpuMs', 'ms CPU');
  row('shell', '  the host\'s dash, CPU time (200 loops in one process)', runs, 'dashWhileLoopCpuMs', 'ms CPU');
  row('shell', 'parse a 1,000-line script (sh -n, whole run)', runs, 'parse1000Ms', 'ms');
  row('shell', '  the same, CPU time', runs, 'parse1000CpuMs', 'ms CPU');
  row('shell', '  the host\'s dash, CPU time (a 200,000-line file, per 1,000 lines)', runs, 'dashParse1000CpuMs', 'ms CPU');
  row('shell', 'sh -c : (fork, exec, exit, reap)', runs, 'emptyShMs', 'ms');
});

// 6. modprobe with big inputs.
bench('modprobe', [], R, (runs) => {
  row('modprobe', '5,000-module modules.dep + 1,000-line modprobe.d: cold (fresh process)', runs, 'coldMs', 'ms');
  row('modprobe', '  files changed (parsers warm, caches miss)', runs, 'changedMs', 'ms');
  row('modprobe', '  warm (per request)', runs, 'warmMs', 'ms');
  row('modprobe', '  warm, CPU time', runs, 'warmCpuMs', 'ms CPU');
  row('modprobe', '  default files, warm (per request)', runs, 'defaultFilesWarmMs', 'ms');
  row('modprobe', '  default files, warm, CPU time', runs, 'defaultFilesWarmCpuMs', 'ms CPU');
});

if (built) rmSync(built, { recursive: true, force: true });

// The machine, for results.json and the table's header.
const cpuinfo = (() => {
  try {
    return readFileSync('/proc/cpuinfo', 'utf8');
  } catch {
    return '';
  }
})();
const machine = {
  nproc: availableParallelism(),
  cpu: /model name\s*:\s*(.*)/.exec(cpuinfo)?.[1] ?? 'unknown',
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
  loadavgAtEnd: loadavg().map((x) => Math.round(x * 100) / 100),
  bundled: Boolean(built),
};

const fmt = (v) => {
  if (!Number.isFinite(v)) return String(v);
  if (Math.abs(v) >= 1000) return Math.round(v).toLocaleString('en');
  if (Math.abs(v) >= 10) return v.toFixed(1);
  return v.toFixed(2);
};
const lines = [];
lines.push(`khelper engine benchmarks: ${machine.cpu}, ${machine.nproc} CPUs, Node ${machine.node}, load ${machine.loadavgAtEnd.join(' ')}`);
lines.push('(median of runs, each in a fresh process; wall clock; "per CPU-s" divides by the process CPU time instead)');
let group = '';
for (const r of rows) {
  if (r.group !== group) {
    group = r.group;
    lines.push('', `== ${group}`);
  }
  const budget = r.budget ? (r.budget.min !== undefined ? `>= ${fmt(r.budget.min)}` : `<= ${fmt(r.budget.max)}`) : '';
  const verdict = r.pass === null ? '' : r.pass ? 'PASS' : 'FAIL';
  const cpu = r.perCpuSecond !== undefined ? `  (${fmt(r.perCpuSecond)} per CPU-s${r.cpuPass === undefined ? '' : r.cpuPass ? ': PASS' : ': FAIL'})` : '';
  lines.push(`${r.what.padEnd(78)} ${fmt(r.value).padStart(12)} ${r.unit.padEnd(14)} ${budget.padEnd(12)} ${verdict}${cpu}`);
}
process.stdout.write(lines.join('\n') + '\n');
if (!only) {
  writeFileSync(join(HERE, 'results.json'), JSON.stringify({ machine, quick, rows, raw }, null, 1) + '\n');
  process.stdout.write('\nwrote bench/results.json\n');
}
