// The shell: a 1,000-iteration `while` loop with arithmetic (run with sh -c in the machine), and
// a generated 1,000-line script parsed with `sh -n` (reads and parses, runs nothing). Times are
// for the whole step (fork, exec of /bin/sh, the work, exit and reap), median of `reps`, warm.
// The same two jobs are timed with the host's dash (minus the time of `dash -c :`) for scale.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StepRunner } from '../../src/init/steps.ts';
import type { StepResult } from '../../src/init/steps.ts';
import { arg, boot, report, timed } from '../common.ts';

const reps = Number(arg('reps', '7'));
export const LOOP = 'i=0; s=0\nwhile [ $i -lt 1000 ]; do\n  s=$(( (s + i * 7) % 65521 ))\n  i=$((i + 1))\ndone\necho $s\n';

/** A 1,000-line script of the usual shapes: assignments, if/case/for/while, functions, pipes. */
export function script1000(): string {
  const out: string[] = ['#!/bin/sh', 'set -e'];
  let i = 0;
  for (;;) {
    const n = i++;
    const b: string[] = [];
    switch (n % 8) {
      case 0: b.push(`v${n}="value $n \${HOME:-/}" w${n}=$((n * 3))`); break;
      case 1: b.push(`if [ -n "$v${n - 1}" ] && [ $w${n - 1} -gt 2 ]; then`, `  echo "v${n - 1} is set" >/dev/null`, 'else', '  : nothing', 'fi'); break;
      case 2: b.push(`case "$v${n - 2}" in`, `  value*) r${n}=yes ;;`, `  *[0-9]) r${n}=num ;;`, `  *) r${n}=no ;;`, 'esac'); break;
      case 3: b.push(`f${n}() {`, `  local_x=$1`, `  echo "\${local_x#pre}" | tr a-z A-Z`, '}'); break;
      case 4: b.push(`for x in a b "c d" $v${n - 4}; do`, '  : "$x"', 'done'); break;
      case 5: b.push(`grep -q "^root:" /etc/passwd 2>/dev/null || echo "no root" >&2`); break;
      case 6: b.push(`x${n}=$(echo "$w${n - 6}" | sed 's/0/zero/g')`, `while read -r line; do : "$line"; done </dev/null`); break;
      default: b.push(`# comment ${n}: keep going`, `test -d /tmp && cd /tmp && cd - >/dev/null`); break;
    }
    if (out.length + b.length > 1000) break;
    out.push(...b);
  }
  while (out.length < 1000) out.push(`: padding ${out.length}`);
  return out.join('\n') + '\n';
}

const m = boot({ files: { '/root/s1000.sh': { content: script1000(), mode: 0o755 } } });

function step(sh: string): { ms: number; res: StepResult } {
  let res: StepResult | undefined;
  const t = timed(() => { res = new StepRunner(m, [{ sh }]).runAll()[0]; });
  return { ms: t.wallMs, res: res! };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

const loopMs: number[] = [], parseMs: number[] = [], emptyMs: number[] = [];
for (let r = 0; r < reps + 2; r++) {
  const a = step(LOOP);
  if (!('stdout' in a.res) || a.res.exitCode !== 0) throw new Error(`loop failed: ${JSON.stringify(a.res)}`);
  const b = step('sh -n /root/s1000.sh');
  if (!('stdout' in b.res) || b.res.exitCode !== 0) throw new Error(`parse failed: ${JSON.stringify(b.res)}`);
  const c = step(':');
  if (r >= 2) {
    loopMs.push(a.ms);
    parseMs.push(b.ms);
    emptyMs.push(c.ms);
  }
}

/** The host's dash for the same jobs, minus dash's own start-up. */
function dash(): { loopMs: number; parseMs: number } {
  if (!existsSync('/usr/bin/dash') && !existsSync('/bin/dash')) return { loopMs: NaN, parseMs: NaN };
  const dir = mkdtempSync(join(tmpdir(), 'khelper-bench-'));
  const file = join(dir, 's1000.sh');
  writeFileSync(file, script1000());
  const run = (args: string[]): number => {
    const xs: number[] = [];
    for (let r = 0; r < reps + 2; r++) xs.push(timed(() => execFileSync('dash', args, { stdio: 'ignore' })).wallMs);
    return median(xs.slice(2));
  };
  const empty = run(['-c', ':']);
  return { loopMs: run(['-c', LOOP]) - empty, parseMs: run(['-n', file]) - empty };
}

const d = dash();
report({
  whileLoopMs: median(loopMs), parse1000Ms: median(parseMs), emptyShMs: median(emptyMs),
  dashWhileLoopMs: d.loopMs, dashParse1000Ms: d.parseMs,
});
