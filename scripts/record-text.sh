#!/usr/bin/env bash
# Record golden outputs of the real text tools for test/text/: for every case in
# test/text/cases/TOOL.json, run the real program (GNU grep/sed/coreutils, mawk for awk) in a
# scratch directory holding the case file's fixture files, under LC_ALL=C, and write
# test/text/golden/TOOL.json with stdout, stderr and the exit status.
#
#   scripts/record-text.sh            # all tools
#   scripts/record-text.sh grep sed   # some
#
# Case file: { "files": { "name": "contents", ... },
#              "cases": [ { "argv": ["grep", "-n", "x", "a.txt"], "stdin": "..." }, ... ] }
# Tests never run the real tools: they compare our engines with these recordings.
set -euo pipefail
cd "$(dirname "$0")/.."
tools=("$@")
if [ ${#tools[@]} -eq 0 ]; then
  tools=()
  for f in test/text/cases/*.json; do tools+=("$(basename "$f" .json)"); done
fi
mkdir -p test/text/golden
for tool in "${tools[@]}"; do
  node --input-type=module - "$tool" <<'NODE'
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const tool = process.argv[2];
const spec = JSON.parse(readFileSync(`test/text/cases/${tool}.json`, 'utf8'));
// The real program behind each name; mawk stands for awk.
const real = { awk: 'mawk' };
const versions = {};
const results = [];
for (const c of spec.cases) {
  const dir = mkdtempSync(join(tmpdir(), 'khelper-text-'));
  for (const [name, text] of Object.entries({ ...spec.files, ...(c.files ?? {}) })) {
    const p = join(dir, name);
    if (name.endsWith('/')) { mkdirSync(p, { recursive: true }); continue; }
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, Buffer.from(text, 'latin1'));
  }
  const prog = real[c.argv[0]] ?? c.argv[0];
  if (!versions[prog]) {
    const v = spawnSync(prog, prog === 'mawk' ? ['-W', 'version'] : ['--version'], { encoding: 'latin1' });
    versions[prog] = (v.stdout || v.stderr || '').split('\n')[0];
  }
  const r = spawnSync(prog, c.argv.slice(1), {
    cwd: dir,
    input: Buffer.from(c.stdin ?? '', 'latin1'),
    env: { PATH: process.env.PATH, LC_ALL: 'C', HOME: dir, ...(c.env ?? {}) },
    encoding: 'latin1',
  });
  // Files a case writes (sed w, awk >) are recorded too when listed in "outputs".
  const outputs = {};
  for (const name of c.outputs ?? []) {
    try { outputs[name] = readFileSync(join(dir, name), 'latin1'); } catch { outputs[name] = null; }
  }
  // Tool names in messages: mawk calls itself "mawk"; we record what it said.
  results.push({ ...c, stdout: r.stdout, stderr: r.stderr, status: r.status, ...(c.outputs ? { outputFiles: outputs } : {}) });
  rmSync(dir, { recursive: true, force: true });
}
const golden = { recordedWith: versions, files: spec.files, cases: results };
// One case per line keeps the golden files readable in diffs.
const body = [
  '{"recordedWith": ' + JSON.stringify(versions) + ',',
  ' "files": ' + JSON.stringify(spec.files) + ',',
  ' "cases": [',
  results.map((r) => '  ' + JSON.stringify(r)).join(',\n'),
  ']}',
].join('\n');
writeFileSync(`test/text/golden/${tool}.json`, body + '\n');
console.log(`${tool}: ${results.length} cases (${Object.values(versions).join('; ')})`);
NODE
done
