// sed engine behaviours the recordings cannot show: preemption ticks, the e command, streaming.
import { describe, expect, it } from 'vitest';
import { sedMain } from './sed.ts';
import type { TextReq } from './textio.ts';

/** Drive a generator by hand for at most `limit` requests, answering reads from `input`. */
function drive(argv: string[], input: string[], limit = 10000, piped: string[] = []) {
  const gen = sedMain(argv);
  const reqs: TextReq[] = [];
  let answer: unknown;
  let stdout = '';
  for (let n = 0; n < limit; n++) {
    const s = gen.next(answer);
    if (s.done) return { reqs, stdout, status: s.value as number | undefined, done: true };
    reqs.push(s.value);
    answer = 0;
    if (s.value.op === 'read') answer = input.shift() ?? '';
    if (s.value.op === 'out' && s.value.fd === 1) stdout += s.value.data;
    if (s.value.op === 'pipe-read') answer = piped.shift() ?? '';
  }
  return { reqs, stdout, status: undefined, done: false };
}

describe('sed engine', () => {
  it('an endless loop (:a;ba) keeps yielding ticks, so the scheduler can preempt it', () => {
    const r = drive(['sed', ':a;ba'], ['x\n'], 500);
    expect(r.done).toBe(false);
    expect(r.reqs.filter((q) => q.op === 'tick').length).toBeGreaterThan(100);
  });
  it('5q stops after five lines of an endless input (reads chunk by chunk)', () => {
    const chunks = Array.from({ length: 1000 }, () => 'y\ny\n');
    const r = drive(['sed', '5q'], chunks);
    expect(r.done).toBe(true);
    expect(r.stdout).toBe('y\n'.repeat(5));
    expect(r.reqs.filter((q) => q.op === 'read').length).toBeLessThan(10);
  });
  it('s///e runs the new pattern space as a command and takes its output', () => {
    const r = drive(['sed', 's/.*/echo &/e'], ['hi\n'], 10000, ['hi\n']);
    expect(r.reqs.some((q) => q.op === 'pipe-read' && q.cmd === 'echo hi')).toBe(true);
    expect(r.stdout).toBe('hi\n');
  });
  it('e COMMAND prints the command output before the line', () => {
    const r = drive(['sed', '1e date'], ['a\n'], 10000, ['Mon\n']);
    expect(r.reqs.some((q) => q.op === 'pipe-read' && q.cmd === 'date')).toBe(true);
    expect(r.stdout).toBe('Mon\na\n');
  });
});
