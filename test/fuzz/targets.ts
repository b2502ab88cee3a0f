// The fuzz targets: one fast-check property each, shared by the unit tests (a few hundred runs,
// test/fuzz/fuzz.test.ts) and `npm run fuzz` (scripts/fuzz.js, 100,000+ cases). A property
// throws on a crash; anything the engine reports the way Linux would (a ScenarioError, a syntax
// error, a SIGSEGV death for a stack overflow) is an answer, not a crash. No vitest here: this
// module also runs under plain Node.
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { utf8ToBytes } from '../../src/lib/bytes.ts';
import { fnmatch } from '../../src/lib/fnmatch.ts';
import { NTty, N_TTY_BUF_SIZE, FLIP_LIMIT } from '../../src/kernel/n_tty.ts';
import { OUTPUT_ROOM } from '../../src/kernel/n_tty_output.ts';
import type { Termios } from '../../src/uapi/termios.ts';
import { parseAll } from '../../src/userland/sh/parser.ts';
import { ShError } from '../../src/userland/sh/errors.ts';
import { parseConfigFile } from '../../src/userland/kmod/config.ts';
import { mergeConfig } from '../../src/userland/kmod/configset.ts';
import { wrappedLines } from '../../src/userland/kmod/lines.ts';
import { AliasIndex, parseModulesDep } from '../../src/userland/kmod/indexes.ts';
import { Machine } from '../../src/init/machine.ts';
import { DEFAULT_ENV, startProcess } from '../../src/init/run.ts';
import { parseScenario, validateScenario, ScenarioError } from '../../src/init/scenario/parse.ts';
import type { Scenario } from '../../src/init/scenario/parse.ts';
import { machineFor } from '../../src/init/scenario/run.ts';
import { StepRunner } from '../../src/init/steps.ts';
import { bytes, depText, modprobeConf, pattern, scenarioText, shellScript, termios, validScenario } from './arbitraries.ts';

export interface Target {
  name: string;
  /** Runs in `npm test` (kept small) and the share of `npm run fuzz`'s cases. */
  unitRuns: number;
  fuzzRuns: number;
  property(): fc.IProperty<never>;
  /** Counters a target keeps about what it saw (answers that are not crashes). */
  stats: Record<string, number>;
  /** Slow targets whose every input the runner keeps, to print the one that hangs. */
  watchCases?: boolean;
}

function fail(what: string, detail: unknown): never {
  throw new Error(`${what}: ${typeof detail === 'string' ? detail : JSON.stringify(detail)}`);
}

/**
 * Cases started, for the fuzz runner's watchdog: onTick hears every 50th case; onCase, when set,
 * hears every case with its input before it runs (so that a case that hangs can be printed).
 */
export const progress = {
  cases: 0,
  onTick: null as ((cases: number) => void) | null,
  onCase: null as ((cases: number, input: unknown) => void) | null,
};

function tick(...input: unknown[]): void {
  progress.cases++;
  progress.onCase?.(progress.cases, input);
  if (progress.onTick && progress.cases % 50 === 0) progress.onTick(progress.cases);
}

function count(stats: Record<string, number>, key: string): void {
  stats[key] = (stats[key] ?? 0) + 1;
}

const asProp = <T>(p: fc.IProperty<T>): fc.IProperty<never> => p as unknown as fc.IProperty<never>;

// --- scenario validator ------------------------------------------------------------------------

const scenarioStats: Record<string, number> = {};
/** Any text parses to a scenario (which validates again unchanged) or is a ScenarioError. */
export const scenarioTarget: Target = {
  name: 'scenario-validator', unitRuns: 400, fuzzRuns: 40_000, stats: scenarioStats,
  property: () => asProp(fc.property(scenarioText, (text) => {
    tick();
    let s;
    try {
      s = parseScenario(text);
    } catch (e) {
      if (!(e instanceof ScenarioError)) throw e;
      if (!e.message || e.message.includes('[object Object]') || e.message.includes('undefined')) fail('unclear message', e.message);
      if (e.field && !e.message.startsWith(`${e.field}: `)) fail('message does not start with its field', e.message);
      count(scenarioStats, 'refused');
      return;
    }
    count(scenarioStats, 'accepted');
    if (s.version !== 1) fail('accepted a version other than 1', text);
    const again = validateScenario(JSON.parse(JSON.stringify(s)));
    if (!isDeepStrictEqual(again, s)) fail('validation is not idempotent', text);
  })),
};

const runStats: Record<string, number> = {};
export const SCENARIO_EVENTS = 10_000;

/** Every program error in the log, except the JS stack running out (dash would segfault too). */
function programErrors(m: Machine): { errors: string[]; stackOverflows: number } {
  const errors: string[] = [];
  let stackOverflows = 0;
  for (const r of m.k.printk.records) {
    if (!r.text.includes('khelper program error')) continue;
    if (r.text.endsWith('Maximum call stack size exceeded')) stackOverflows++;
    else errors.push(r.text);
  }
  return { errors, stackOverflows };
}

/**
 * Run a valid scenario's steps within an event budget: nothing escapes to the
 * host, no oops, no program error, and the machine still steps afterwards.
 */
export function runScenarioBudget(s: Scenario): { finished: boolean } {
  let m: Machine;
  try {
    m = machineFor(s);
  } catch (e) {
    if (e instanceof ScenarioError) return { finished: false };
    throw e;
  }
  const runner = new StepRunner(m, s.steps ?? []);
  runner.poll();
  const events0 = m.k.sched.events;
  // Slices of 1 s of virtual time; an idle machine jumps to the slice end (StepRunner.runAll()
  // jumps to the step's deadline), so `advance` steps end. At most 700 slices: a step's 600 s.
  for (let slice = 0; slice < 700 && !runner.finished && m.k.sched.events - events0 < SCENARIO_EVENTS; slice++) {
    const until = m.now + 1e9;
    const stop = m.run({ until, maxEvents: 2000 });
    if (stop === 'halt') break;
    if (stop === 'idle') m.k.sched.now = Math.max(m.k.sched.now, until);
    runner.poll();
  }
  if (m.k.oopses.length) fail('kernel oops', m.k.oopses);
  const pe = programErrors(m);
  if (pe.errors.length) fail('program error', pe.errors);
  m.run({ maxEvents: 10 });
  return { finished: runner.finished };
}

/** Valid scenarios run to their end or their budget; nothing escapes the engine. */
export const scenarioRunTarget: Target = {
  name: 'scenario-run', unitRuns: 20, fuzzRuns: 1_500, stats: runStats, watchCases: true,
  property: () => asProp(fc.property(validScenario, (doc) => {
    tick(doc);
    const s = validateScenario(JSON.parse(JSON.stringify(doc)));
    count(runStats, runScenarioBudget(s).finished ? 'finished' : 'stopped by the budget');
  })),
};

// --- shell parser ---------------------------------------------------------------------------------

const parserStats: Record<string, number> = {};
/** parseAll() of any text returns a tree or raises the shell's own error (a syntax error). */
export const shellParserTarget: Target = {
  name: 'sh-parser', unitRuns: 400, fuzzRuns: 30_000, stats: parserStats,
  property: () => asProp(fc.property(shellScript, fc.boolean(), (script, bash) => {
    tick();
    try {
      parseAll(utf8ToBytes(script), bash);
      count(parserStats, 'parsed');
    } catch (e) {
      if (!(e instanceof ShError)) throw e;
      count(parserStats, 'syntax error');
    }
  })),
};

// --- shell interpreter in a machine ----------------------------------------------------------------

// A shell busy loop runs about 17 times slower than real time, so the virtual budget is short.
export const SCRIPT_EVENTS = 5_000;
export const SCRIPT_TIME_NS = 2e9;

export interface ScriptRun {
  reason: string;
  finished: boolean;
  stackOverflows: number;
}

/**
 * Run `sh -c script` on a fresh machine inside its event and virtual-time budget
 * and check nothing escaped: no exception to the host, no kernel oops, no program error other
 * than the JS stack running out (dash's own stack overflow: the shell dies of SIGSEGV).
 */
export function runScript(script: string, profile: '2.6.20' | '6.6' = '2.6.20'): ScriptRun {
  const m = new Machine({ config: { profile } }).boot();
  const run = startProcess(m.k, { path: '/bin/sh', argv: ['sh', '-c', utf8ToBytes(script)], envp: DEFAULT_ENV, cwd: '/root' });
  const events0 = m.k.sched.events;
  const t0 = m.now;
  const reason = m.run({ maxEvents: SCRIPT_EVENTS, until: t0 + SCRIPT_TIME_NS, stopWhen: () => run.finished });
  const k = m.k;
  if (k.oopses.length) fail('kernel oops', k.oopses);
  if (k.sched.events - events0 > SCRIPT_EVENTS) fail('event budget overrun', k.sched.events - events0);
  // A task may finish its slice past `until`; a khelper_cpu charge is at most 1 s.
  if (m.now > t0 + SCRIPT_TIME_NS + 2e9) fail('time budget overrun', m.now - t0);
  const { errors, stackOverflows } = programErrors(m);
  if (errors.length) fail('program error', errors);
  if (run.stdout.data.length > run.stdout.limit || run.stderr.data.length > run.stderr.limit) fail('capture over its limit', run.stdout.data.length);
  // The machine still steps afterwards.
  m.run({ maxEvents: 10 });
  if (k.oopses.length) fail('kernel oops after the run', k.oopses);
  return { reason, finished: run.finished, stackOverflows };
}

const interpStats: Record<string, number> = {};
export const shellInterpreterTarget: Target = {
  name: 'sh-interpreter', unitRuns: 40, fuzzRuns: 6_000, stats: interpStats, watchCases: true,
  property: () => asProp(fc.property(shellScript, fc.constantFrom('2.6.20' as const, '6.6' as const), (script, profile) => {
    tick(script, profile);
    const r = runScript(script, profile);
    count(interpStats, r.finished ? 'finished' : `stopped (${r.reason})`);
    if (r.stackOverflows) count(interpStats, 'stack overflow (SIGSEGV)');
  })),
};

// --- kmod configuration and indexes -------------------------------------------------------------

const confStats: Record<string, number> = {};
/** modprobe.d text: never throws; messages name the file and a real line; matching = fnmatch. */
export const modprobeConfTarget: Target = {
  name: 'modprobe.d', unitRuns: 400, fuzzRuns: 10_000, stats: confStats,
  property: () => asProp(fc.property(modprobeConf, fc.array(fc.constantFrom('dummy', 'snd-x', 'a_b', 'pci:v1d2', 'x'), { maxLength: 3 }), (text, names) => {
    tick();
    const physical = text.split('\n').length;
    const lines = wrappedLines(text);
    for (let i = 1; i < lines.length; i++) if (lines[i].line <= lines[i - 1].line) fail('line numbers not increasing', lines);
    const part = parseConfigFile(text, '/etc/modprobe.d/f.conf');
    for (const e of part.errors) {
      const m = /^\/etc\/modprobe\.d\/f\.conf(?: line (\d+): ignoring bad line starting with '.*'|: command (include|config) is deprecated and not parsed anymore)$/s.exec(e.text);
      if (!m) fail('unexpected message', e.text);
      if (m[1] && (Number(m[1]) < 1 || Number(m[1]) > physical)) fail('message names a line that does not exist', e.text);
    }
    count(confStats, part.errors.length ? 'with errors' : 'clean');
    for (const a of part.aliases) if (!a.pattern || !a.modname || /[ \t]/.test(a.pattern + a.modname)) fail('bad alias entry', a);
    const cfg = mergeConfig([part]);
    for (const n of names) {
      const got = cfg.aliasesFor(n);
      const want = cfg.aliases.filter((a) => fnmatch(a.pattern, n));
      if (got.length !== want.length || got.some((a, i) => a !== want[i])) fail('aliasesFor differs from fnmatch over every alias', { n, got, want });
    }
  })),
};

const depStats: Record<string, number> = {};
/** modules.dep / modules.alias text: never throws; lookups agree with a plain scan. */
export const modulesDepTarget: Target = {
  name: 'modules.dep', unitRuns: 400, fuzzRuns: 10_000, stats: depStats,
  property: () => asProp(fc.property(depText, fc.array(fc.constantFrom('dummy', 'a_b', 'x', 'pci:v1d2', 'snd-x'), { maxLength: 3 }), (text, names) => {
    tick();
    const dep = parseModulesDep(text);
    if (new Set(dep.names).size !== dep.names.length) fail('duplicate names', dep.names);
    for (const n of dep.names) {
      const e = dep.get(n);
      if (!e || !dep.has(n)) fail('listed name not found', n);
      if (e.deps.some((d) => d === '' || /[ \t]/.test(d))) fail('bad dependency list', e);
    }
    count(depStats, dep.names.length ? 'with modules' : 'empty');
    const alias = new AliasIndex(text, true);
    for (const n of names) {
      const got = alias.search(n);
      const want = alias.entries.filter((e) => fnmatch(e.key, n)).map((e) => e.module);
      if (got.join('\n') !== want.join('\n')) fail('alias search differs from fnmatch over every key', { n, got, want });
    }
  })),
};

/** A backslash before every character makes any string a pattern that matches exactly it. */
export const fnmatchTarget: Target = {
  name: 'fnmatch', unitRuns: 400, fuzzRuns: 10_000, stats: {},
  property: () => asProp(fc.property(pattern, bytes(12), (p, s) => {
    tick();
    fnmatch(p, s);
    const escaped = s.replace(/[\s\S]/g, (c) => `\\${c}`);
    if (!fnmatch(escaped, s)) fail('escaped string does not match itself', s);
    if (s && fnmatch(escaped, `${s}x`)) fail('escaped string matches a longer one', s);
  })),
};

// --- tty line discipline -------------------------------------------------------------------------

type TtyOp =
  | { op: 'receive'; data: string }
  | { op: 'read'; count: number }
  | { op: 'write'; data: string }
  | { op: 'termios'; t: Termios; flush: boolean }
  | { op: 'take' }
  | { op: 'flush' };

const ttyOp: fc.Arbitrary<TtyOp> = fc.oneof(
  { weight: 4, arbitrary: bytes(300).map((data) => ({ op: 'receive' as const, data })) },
  { weight: 1, arbitrary: fc.nat({ max: 10_000 }).map((n) => ({ op: 'receive' as const, data: 'x'.repeat(n) })) },
  { weight: 2, arbitrary: fc.integer({ min: -1, max: 5000 }).map((count) => ({ op: 'read' as const, count })) },
  { weight: 2, arbitrary: bytes(300).map((data) => ({ op: 'write' as const, data })) },
  { weight: 1, arbitrary: fc.tuple(termios, fc.boolean()).map(([t, flush]) => ({ op: 'termios' as const, t, flush })) },
  { weight: 1, arbitrary: fc.constant({ op: 'take' as const }) },
  { weight: 1, arbitrary: fc.constant({ op: 'flush' as const }) },
);

const ttyStats: Record<string, number> = {};
/** n_tty: any bytes and termios never throw; every buffer stays within its Linux bound. */
export const nttyTarget: Target = {
  name: 'n_tty', unitRuns: 300, fuzzRuns: 10_000, stats: ttyStats,
  property: () => asProp(fc.property(fc.array(ttyOp, { maxLength: 40 }), (ops) => {
    tick();
    let signals = 0;
    const t = new NTty({ signal: () => { signals++; }, wakeReaders: () => {}, wakeWriters: () => {} });
    const inner = t as unknown as { flip: string; rb: { cnt(): number }; out: { pending(): number } };
    for (const o of ops) {
      if (o.op === 'receive') t.receive(o.data);
      else if (o.op === 'read') {
        const r = t.read(o.count);
        if (r !== null && (r.length > Math.max(o.count, 0) + 1 || [...r].some((c) => c.charCodeAt(0) > 0xff))) fail('read returned more than asked or non-bytes', { count: o.count, r });
      } else if (o.op === 'write') {
        const n = t.write(o.data);
        if (n < 0 || n > o.data.length) fail('write consumed a wrong count', n);
      } else if (o.op === 'termios') t.setTermios(o.t, o.flush);
      else if (o.op === 'take') t.takeOutput();
      else t.flushInput();
      if (inner.flip.length > FLIP_LIMIT) fail('flip buffer over its limit', inner.flip.length);
      if (inner.rb.cnt() > N_TTY_BUF_SIZE || inner.rb.cnt() < 0) fail('read buffer out of bounds', inner.rb.cnt());
      if (t.inq() > N_TTY_BUF_SIZE) fail('inq over N_TTY_BUF_SIZE', t.inq());
      // Program output stops at OUTPUT_ROOM; echoes may add a few bytes per input byte on top.
      if (inner.out.pending() > OUTPUT_ROOM + 8 * N_TTY_BUF_SIZE) fail('output buffer unbounded', inner.out.pending());
    }
    count(ttyStats, signals ? 'raised signals' : 'no signals');
  })),
};

export const TARGETS: Target[] = [scenarioTarget, scenarioRunTarget, shellParserTarget, shellInterpreterTarget, modprobeConfTarget, modulesDepTarget, fnmatchTarget, nttyTarget];
