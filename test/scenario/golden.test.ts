// Every built-in example matches its golden file byte for byte, twice in a row in one process
// (module-level caches must not change what a run does), and once more through the CLI.
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { goldenText } from '../../src/headless/golden.ts';
import { parseScenario } from '../../src/init/scenario/parse.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const examples = readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();

describe('built-in examples', () => {
  it('there are at least 15, each valid with a name and a Markdown description', () => {
    expect(examples.length).toBeGreaterThanOrEqual(15);
    for (const n of examples) {
      const s = parseScenario(readFileSync(join(ROOT, 'scenarios', `${n}.json`), 'utf8'));
      expect(s.name, n).toBeTruthy();
      expect((s.description ?? '').length, n).toBeGreaterThan(80);
    }
  });
  it.each(examples)('%s matches its golden text twice in a row', (name) => {
    const path = join(ROOT, 'scenarios', 'golden', `${name}.txt`);
    expect(existsSync(path), `missing ${path}: run npm run golden:update`).toBe(true);
    const golden = readFileSync(path, 'utf8');
    expect(goldenText(ROOT, name)).toBe(golden);
    expect(goldenText(ROOT, name)).toBe(golden);
  });
  it('the CLI prints the golden text for every example', () => {
    for (const name of examples) {
      const r = spawnSync(process.execPath, [join(ROOT, 'bin/khelper.js'), 'run', '--example', name], { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 << 20 });
      expect(r.status, `${name}: ${r.stderr}`).toBe(0);
      expect(r.stdout === readFileSync(join(ROOT, 'scenarios', 'golden', `${name}.txt`), 'utf8'), name).toBe(true);
    }
  }, 300_000);
});
