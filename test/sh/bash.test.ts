// The bash conformance suite: test/sh/bash-cases/*.sh run with /bin/bash in the machine must give
// what real bash 5.2 gave (recorded by `scripts/record-dash.sh bash`).
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expected, runCase } from './conformance.ts';

const dir = new URL('./bash-cases/', import.meta.url).pathname;
const cases = readdirSync(dir).filter((f) => f.endsWith('.sh')).sort();

describe('bash mode matches bash 5.2', () => {
  it.each(cases)('%s', (f) => {
    const want = expected(dir + f);
    const got = runCase(dir + f, 'bash');
    expect({ stdout: got.stdout, stderr: got.stderr, status: got.status }).toEqual({
      stdout: want.stdout, stderr: want.stderr, status: want.status,
    });
  });
});
