// The dash conformance suite: every test/sh/cases/*.sh runs in the machine and must give the
// stdout, stderr and exit status that real dash 0.5.12 gave (recorded by scripts/record-dash.sh).
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expected, runCase } from './conformance.ts';

const dir = new URL('./cases/', import.meta.url).pathname;
const cases = readdirSync(dir).filter((f) => f.endsWith('.sh')).sort();

describe('sh matches dash 0.5.12', () => {
  it.each(cases)('%s', (f) => {
    const want = expected(dir + f);
    const got = runCase(dir + f, 'sh');
    expect({ stdout: got.stdout, stderr: got.stderr, status: got.status }).toEqual({
      stdout: want.stdout, stderr: want.stderr, status: want.status,
    });
  });
});
