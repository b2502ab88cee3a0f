#!/usr/bin/env node
// `npm run golden:update`: rewrite scenarios/golden/NAME.txt, the CLI's human view of each
// built-in example (steps, dmesg, ftrace-style trace). The diff is what a reviewer reads.
import { readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { goldenText } = await tsImport('../src/headless/golden.ts', import.meta.url);
const only = process.argv.slice(2);
mkdirSync(join(root, 'scenarios', 'golden'), { recursive: true });
for (const f of readdirSync(join(root, 'scenarios')).filter((x) => x.endsWith('.json')).sort()) {
  const name = f.slice(0, -5);
  if (only.length && !only.includes(name)) continue;
  const text = goldenText(root, name);
  writeFileSync(join(root, 'scenarios', 'golden', `${name}.txt`), text);
  console.log(`wrote scenarios/golden/${name}.txt (${text.split('\n').length} lines)`);
}
