// Reading a scenario: JSON text -> migrated -> validated -> typed, or one clear error naming the
// field. Versions newer than ours are refused with a message saying so.
import * as v from 'valibot';
import type { Step } from '../steps.ts';
import { LIMITS, SCENARIO_VERSION, STEP_KINDS, STEP_SCHEMAS, ScenarioSchema } from './schema.ts';
import type { StepKind } from './schema.ts';
import { migrate } from './migrate.ts';
import { ScenarioError } from './errors.ts';

export type FileValue = string | { content: string; mode?: string };

export interface Scenario {
  version: 1;
  name?: string;
  description?: string;
  kernel?: {
    profile?: '2.6.20' | '2.6.21' | '6.6';
    arch?: 'x86_64' | 'i386';
    release?: string;
    threadsMax?: number;
    modprobePath?: string;
    seed?: number;
    interleave?: boolean;
    kmod?: boolean;
    staticUsermodehelper?: string | null;
    hostname?: string;
    cmdline?: string;
  };
  rootfs?: 'default' | 'minimal';
  files?: Record<string, FileValue>;
  loaded?: string[];
  steps?: Step[];
  view?: Record<string, unknown>;
}

export { ScenarioError };

function pathOf(issue: v.BaseIssue<unknown>, prefix: string): string {
  let s = prefix;
  for (const p of issue.path ?? []) {
    const key = (p as { key: unknown }).key;
    s += typeof key === 'number' ? `[${key}]` : s ? `.${String(key)}` : String(key);
  }
  return s;
}

function describe(issue: v.BaseIssue<unknown>): string {
  const m = issue.message;
  const key = /^Invalid key: Expected never but received "?(.*?)"?$/.exec(m);
  if (key) return `unknown field "${key[1]}"`;
  if (/^Invalid key: Expected ".*" but received undefined$/.test(m)) return 'missing';
  const typ = /^Invalid type: Expected (.*) but received (.*)$/.exec(m);
  if (typ) return `expected ${typ[1].replace(/^Object$/, 'an object').replace(/^Array$/, 'an array')}, got ${typ[2]}`;
  const other = /^Invalid \w+: (?:Expected )?(.*?)(?: but received (.*))?$/.exec(m);
  if (other) return `expected ${other[1]}${other[2] ? `, got ${other[2]}` : ''}`;
  // Our own messages say what is expected; valibot knows what it received.
  const received = (issue as { received?: string }).received;
  const got = received === undefined ? '' : typeof issue.input === 'string' && issue.input.length > 60 ? `, got a ${issue.input.length}-character string` : `, got ${received}`;
  return `expected ${m}${got}`;
}

function firstIssue(issues: v.BaseIssue<unknown>[], prefix: string): ScenarioError {
  // A union with our own message says best what is allowed ("a string or a number"); otherwise
  // the deepest branch issue says most.
  let issue = issues[0];
  while (issue.issues && issue.issues.length && (issue as { type?: string }).type === 'union' && /^Invalid /.test(issue.message)) {
    issue = issue.issues[issue.issues.length - 1];
  }
  const unknownField = issues.find((i) => /Expected never/.test(i.message));
  if (unknownField && issue !== unknownField && issues.indexOf(unknownField) < issues.indexOf(issues[0])) issue = unknownField;
  return new ScenarioError(pathOf(issue.path ? issue : issues[0], prefix), describe(issue));
}

function parseStep(raw: unknown, index: number): Step {
  const field = `steps[${index}]`;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new ScenarioError(field, `expected a step object such as {"sh": "..."}, got ${Array.isArray(raw) ? 'an array' : JSON.stringify(raw)}`);
  const kinds = Object.keys(raw).filter((key): key is StepKind => (STEP_KINDS as string[]).includes(key));
  if (kinds.length !== 1) {
    const keys = Object.keys(raw);
    const what = kinds.length ? `more than one step kind (${kinds.join(', ')})` : `unknown step kind${keys.length ? ` "${keys[0]}"` : ''}`;
    throw new ScenarioError(field, `${what}; expected exactly one of ${STEP_KINDS.join(', ')}`);
  }
  const r = v.safeParse(STEP_SCHEMAS[kinds[0]], raw);
  if (!r.success) throw firstIssue(r.issues, field);
  return r.output as Step;
}

/** Validate an already-parsed JSON value. */
export function validateScenario(input: unknown): Scenario {
  const doc = migrate(input);
  const r = v.safeParse(ScenarioSchema, doc);
  if (!r.success) throw firstIssue(r.issues, '');
  const steps = (r.output.steps ?? []).map(parseStep);
  return { ...(r.output as Omit<Scenario, 'steps'>), steps } as Scenario;
}

/** Parse scenario JSON text. */
export function parseScenario(text: string): Scenario {
  if (text.length > LIMITS.documentBytes) throw new ScenarioError('', `the scenario is ${text.length} bytes; the limit is ${LIMITS.documentBytes}`);
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new ScenarioError('', `not valid JSON: ${(e as Error).message}`);
  }
  return validateScenario(doc);
}

export { SCENARIO_VERSION };
