// Each case of golden/recorded.json (the real GNU/Debian tools, recorded by record.mjs) run on
// the simulated machine with the same files, stdin and environment; stdout, stderr and the exit
// status must match byte for byte.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { run } from './harness.ts';

interface Case { argv: string[]; stdin?: string; stdout: string; stderr: string; status: number }
const golden = JSON.parse(readFileSync(new URL('./golden/recorded.json', import.meta.url), 'utf8')) as { files: Record<string, string>; cases: Case[] };

const files: Record<string, string> = {};
for (const [name, content] of Object.entries(golden.files)) files[`/root/w/${name}`] = content;
const ENV = ['LC_ALL=C', 'TZ=UTC', 'PATH=/usr/bin:/bin', 'HOME=/root'];

describe('core utilities match the recorded Debian 12 tools', () => {
  for (const c of golden.cases) {
    it(c.argv.map((a) => JSON.stringify(a)).join(' '), () => {
      const r = run(c.argv, { files, cwd: '/root/w', env: ENV, stdin: c.stdin ?? '' });
      expect({ stdout: r.stdout, stderr: r.stderr, status: r.code }).toEqual({ stdout: c.stdout, stderr: c.stderr, status: c.status });
    });
  }
});
