// Inputs the fuzzer found (scripts/fuzz.js), kept as they were printed. Each replays in its own
// process with a wall-clock limit, since some froze the host. They fail until the bugs they hit
// are fixed (docs/reliability.md names the code at fault); then they guard against a relapse.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const CHILD = fileURLToPath(new URL('./replay_child.ts', import.meta.url));
// Fixed, each replays in a second or two (plus the child's start-up).
const LIMIT_MS = 10_000;

function replay(target: string, input: unknown[]): { timedOut: boolean; result: { ok: boolean; error?: string } | null } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', CHILD, target, JSON.stringify(input)], { timeout: LIMIT_MS, encoding: 'utf8' });
  const timedOut = r.signal === 'SIGTERM';
  const last = (r.stdout ?? '').trim().split('\n').pop() ?? '';
  return { timedOut, result: last.startsWith('{') ? JSON.parse(last) as { ok: boolean; error?: string } : null };
}

const FOUND: { what: string; target: string; input: unknown[]; found: string }[] = [
  {
    what: 'tail /dev/zero dies of a JS "Invalid string length" (BUG 9: text tools bound neither work nor memory)',
    target: 'scenario-run',
    input: [{ version: 1, steps: [{ sh: 'tail /dev/zero && echo; echo; ' }, { sysctl: {} }] }],
    found: 'seed 42, scenario-run, case 97',
  },
  {
    what: 'wc </dev/zero: one scheduler event takes ~20 s (BUG 9: text tools charge no CPU time per byte)',
    target: 'sh-interpreter',
    input: ['! wc </dev/zero | mv /8 \\ && rm -n${10} $x $* >&- | exit $- $x $! & basename >&-', '2.6.20'],
    found: 'seed 42, sh-interpreter (reduced by hand from the printed case)',
  },
  {
    what: 'yes >/dev/kmsg froze the host (BUG 12, fixed in 5aac94e: printk trimmed its log per line)',
    target: 'sh-interpreter',
    input: ['yes >/dev/kmsg\n', '2.6.20'],
    found: 'seed 20261126, sh-interpreter, case 2361',
  },
];

describe('fuzz regressions', () => {
  for (const f of FOUND) {
    it(`${f.what} [${f.found}]`, () => {
      const r = replay(f.target, f.input);
      expect(r.timedOut).toBe(false);
      expect(r.result).toMatchObject({ ok: true });
    }, LIMIT_MS + 15_000);
  }
});
