// Scenario format versions: an older document is brought forward one version at a time; a newer
// one is refused with a message saying so. Version 1 is the first, so there is nothing to migrate
// yet: each later version adds its step here.
import { SCENARIO_VERSION } from './schema.ts';
import { ScenarioError } from './errors.ts';

type Migration = (doc: Record<string, unknown>) => Record<string, unknown>;

/** MIGRATIONS[n] turns a version-n document into version n+1. */
const MIGRATIONS: Record<number, Migration> = {};

export function migrate(input: unknown): unknown {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new ScenarioError('', `expected a JSON object (a scenario), got ${Array.isArray(input) ? 'an array' : input === null ? 'null' : typeof input}`);
  }
  let doc = input as Record<string, unknown>;
  const version = doc.version;
  if (version === undefined) throw new ScenarioError('version', 'missing; expected 1 (the scenario format version)');
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) throw new ScenarioError('version', `expected a positive integer, got ${JSON.stringify(version)}`);
  if (version > SCENARIO_VERSION) {
    throw new ScenarioError('version', `this scenario uses format version ${version}, made by a newer khelper; this one reads versions up to ${SCENARIO_VERSION}`);
  }
  for (let n = version; n < SCENARIO_VERSION; n++) doc = { ...MIGRATIONS[n](doc), version: n + 1 };
  return doc;
}
