// Records the real tools' behaviour for test/bin/golden/cases.json into recorded.json:
// node test/bin/record.mjs   (run on Debian 12: GNU coreutils 9.1, grep 3.8, sed 4.9, mawk,
// findutils 4.9, debianutils which; LC_ALL=C TZ=UTC). Files are bytes (latin1 strings).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const here = new URL('./golden/', import.meta.url);
const spec = JSON.parse(readFileSync(new URL('cases.json', here), 'utf8'));
const out = [];
for (const c of spec.cases) {
  const dir = mkdtempSync(join(tmpdir(), 'rec-'));
  for (const [name, content] of Object.entries(spec.files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), Buffer.from(content, 'latin1'));
  }
  const r = spawnSync(c.argv[0], c.argv.slice(1), {
    cwd: dir, input: Buffer.from(c.stdin ?? '', 'latin1'),
    env: { LC_ALL: 'C', TZ: 'UTC', PATH: '/usr/bin:/bin', HOME: '/root' },
  });
  out.push({ argv: c.argv, stdin: c.stdin, stdout: r.stdout.toString('latin1'), stderr: r.stderr.toString('latin1'),
    status: r.status ?? 128 + (r.signal ? 9 : 0) });
  rmSync(dir, { recursive: true });
}
const lines = out.map((c) => `  ${JSON.stringify(c)}`).join(',\n');
writeFileSync(new URL('recorded.json', here), `{"files": ${JSON.stringify(spec.files)},\n"cases": [\n${lines}\n]}\n`);
console.log(`recorded ${out.length} cases`);
