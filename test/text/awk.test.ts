// awk against mawk 1.3.4 20200120 recordings (scripts/record-text.sh awk). The program runs as
// "mawk" so that its messages carry the same name.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { MemFs } from './memfs.ts';
import type { Golden } from './memfs.ts';
import { runProto } from './run_proto.ts';
import { awkMain } from '../../src/userland/text/awk.ts';

const golden = JSON.parse(readFileSync(new URL('./golden/awk.json', import.meta.url), 'utf8')) as Golden;

/** The few commands these cases run through system() and pipes. */
const commands: Record<string, (input: string) => [string, number]> = {
  'echo hi': () => ['hi\n', 0],
  'echo a b': () => ['a b\n', 0],
  cat: (input) => [input, 0],
};

/** for-in order is the hash order in mawk and insertion order here: compare sorted lines. */
const unordered = (argv: string[]): boolean => argv.some((a) => / in [a-z]+\)/.test(a) && /for \(/.test(a));
const norm = (argv: string[], s: string): string => (unordered(argv) ? s.split('\n').sort().join('\n') : s);

describe('awk matches mawk 1.3.4', () => {
  for (const c of golden.cases) {
    it(c.argv.map((a) => JSON.stringify(a)).join(' '), () => {
      const fs = new MemFs({ ...golden.files, ...(c.files ?? {}) });
      const argv = ['mawk', ...c.argv.slice(1)];
      const r = runProto(awkMain(argv, { envp: ['HOME=/root'] }), fs, c.stdin ?? '', { commands });
      const got: Record<string, unknown> = { stdout: norm(c.argv, r.stdout), stderr: r.stderr, status: r.status };
      const want: Record<string, unknown> = { stdout: norm(c.argv, c.stdout), stderr: c.stderr, status: c.status };
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
