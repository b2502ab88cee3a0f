// tr, cut, sort, uniq, wc against GNU coreutils 9.1 recordings (scripts/record-text.sh coreutils).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { MemFs } from './memfs.ts';
import type { Golden } from './memfs.ts';
import { runProto } from './run_proto.ts';
import { ENGINES } from './engines.ts';

const golden = JSON.parse(readFileSync(new URL('./golden/coreutils.json', import.meta.url), 'utf8')) as Golden;

describe('coreutils text tools match GNU coreutils 9.1', () => {
  for (const c of golden.cases) {
    it(c.argv.map((a) => JSON.stringify(a)).join(' '), () => {
      const fs = new MemFs({ ...golden.files, ...(c.files ?? {}) });
      const r = runProto(ENGINES[c.argv[0]](c.argv), fs, c.stdin ?? '');
      const got: Record<string, unknown> = { stdout: r.stdout, stderr: r.stderr, status: r.status };
      const want: Record<string, unknown> = { stdout: c.stdout, stderr: c.stderr, status: c.status };
      if (c.outputFiles) {
        got.files = Object.fromEntries(Object.keys(c.outputFiles).map((f) => {
          const d = fs.read(f);
          return [f, typeof d === 'string' ? d : null];
        }));
        want.files = c.outputFiles;
      }
      expect(got).toEqual(want);
    });
  }
});
