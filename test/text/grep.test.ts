// grep against GNU grep 3.8 recordings (scripts/record-text.sh grep).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { MemFs } from './memfs.ts';
import type { Golden } from './memfs.ts';
import { runGrep } from './run_grep.ts';
import { runProto } from './run_proto.ts';
import { grepMain } from '../../src/userland/text/grep_main.ts';

const golden = JSON.parse(readFileSync(new URL('./golden/grep.json', import.meta.url), 'utf8')) as Golden;
/** Recursive runs list files in directory order; compare them as sorted lines. */
const norm = (argv: string[], s: string): string =>
  argv.some((a) => /^-[a-zA-Z]*r/.test(a)) ? s.split('\n').sort().join('\n') : s;

describe('grep matches GNU grep 3.8', () => {
  for (const c of golden.cases) {
    it(c.argv.map((a) => JSON.stringify(a)).join(' '), () => {
      const fs = new MemFs({ ...golden.files, ...(c.files ?? {}) });
      const r = runGrep(c.argv, fs, c.stdin ?? '');
      expect({ stdout: norm(c.argv, r.stdout), stderr: r.stderr, status: r.status })
        .toEqual({ stdout: norm(c.argv, c.stdout), stderr: c.stderr, status: c.status });
      // The same through grepMain and the streaming protocol.
      const fs2 = new MemFs({ ...golden.files, ...(c.files ?? {}) });
      const p = runProto(grepMain(c.argv), fs2, c.stdin ?? '');
      expect({ stdout: norm(c.argv, p.stdout), stderr: p.stderr, status: p.status })
        .toEqual({ stdout: norm(c.argv, c.stdout), stderr: c.stderr, status: c.status });
    });
  }
});
