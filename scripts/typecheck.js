#!/usr/bin/env node
// Type-checks each layer under its own environment (see tsconfig.json): the engine with
// ES2022 only, the worker with WebWorker, the UI with DOM, Node-side code with @types/node.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const tsc = require.resolve('typescript/bin/tsc');
const projects = ['tsconfig.engine.json', 'tsconfig.worker.json', 'tsconfig.ui.json', 'tsconfig.node.json'];

function check(project) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [tsc, '-p', project, '--pretty'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => resolve({ project, code, out }));
  });
}

// Two at a time: the machines this runs on have two cores.
const results = [];
for (let i = 0; i < projects.length; i += 2) {
  results.push(...(await Promise.all(projects.slice(i, i + 2).map(check))));
}
let failed = false;
for (const r of results) {
  if (r.code !== 0) {
    failed = true;
    process.stdout.write(`\n✗ ${r.project}\n${r.out}`);
  } else {
    process.stdout.write(`✓ ${r.project}\n`);
  }
}
process.exit(failed ? 1 : 0);
