// Records the real tools for test/bin/golden/options-more.cases.json into options-more.json:
// node test/bin/record-options.mjs   (Debian 12: GNU coreutils 9.1, grep 3.8, sed 4.9; LC_ALL=C
// TZ=UTC, as root). Each case runs in a fresh /tmp/recopt/w holding the files (latin1 strings),
// after its `setup` commands (e.g. touch -d to fix times); options-more.test.ts replays them.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';

const here = new URL('./golden/', import.meta.url);
const spec = JSON.parse(readFileSync(new URL('options-more.cases.json', here), 'utf8'));
const DIR = '/tmp/recopt/w';
const env = { LC_ALL: 'C', TZ: 'UTC', PATH: '/usr/bin:/bin', HOME: '/root' };
const out = [];
for (const c of spec.cases) {
  rmSync('/tmp/recopt', { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  for (const [name, content] of Object.entries(spec.files)) {
    mkdirSync(dirname(join(DIR, name)), { recursive: true });
    writeFileSync(join(DIR, name), Buffer.from(content, 'latin1'));
  }
  for (const s of c.setup ?? []) spawnSync(s[0], s.slice(1), { cwd: DIR, env });
  const r = spawnSync(c.argv[0], c.argv.slice(1), { cwd: DIR, input: Buffer.from(c.stdin ?? '', 'latin1'), env });
  out.push({ ...c, stdout: r.stdout.toString('latin1'), stderr: r.stderr.toString('latin1'), status: r.status ?? 128 });
}
rmSync('/tmp/recopt', { recursive: true, force: true });
const lines = out.map((c) => `  ${JSON.stringify(c)}`).join(',\n');
writeFileSync(new URL('options-more.json', here), `{"dir": "${DIR}", "files": ${JSON.stringify(spec.files)},\n"cases": [\n${lines}\n]}\n`);
console.log(`recorded ${out.length} cases`);
