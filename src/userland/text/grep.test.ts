// grepMain behaviours the recordings cannot show: stopping early on endless input.
import { describe, expect, it } from 'vitest';
import { grepMain } from './grep_main.ts';

function drive(argv: string[], chunk: string, limit = 5000) {
  const gen = grepMain(argv);
  let answer: unknown;
  let stdout = '';
  let reads = 0;
  for (let n = 0; n < limit; n++) {
    const s = gen.next(answer);
    if (s.done) return { stdout, status: s.value, reads };
    answer = 0;
    if (s.value.op === 'read') { reads++; answer = chunk; }
    if (s.value.op === 'out' && s.value.fd === 1) stdout += s.value.data;
  }
  return { stdout, status: undefined, reads };
}

describe('grepMain streaming', () => {
  it('-m1 stops reading an endless input after the first match', () => {
    const r = drive(['grep', '-m1', 'y'], 'y\n');
    expect(r).toEqual({ stdout: 'y\n', status: 0, reads: 1 });
  });
  it('-q exits 0 at the first match of an endless input', () => {
    expect(drive(['grep', '-q', 'b'], 'a\nb\n').status).toBe(0);
  });
  it('prints matches as the input arrives', () => {
    const r = drive(['grep', 'x'], 'x\n', 50);
    expect(r.status).toBeUndefined();
    expect(r.stdout.length).toBeGreaterThan(0);
  });
});
