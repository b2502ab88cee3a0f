// The shell: a 1,000-iteration `while` loop with arithmetic (run with sh -c in the machine), and
// a generated 1,000-line script parsed with `sh -n` (reads and parses, runs nothing). Times are
// for the whole step (fork, exec of /bin/sh, the work, exit and reap), median of `reps`, warm,
// in wall and CPU time. The same two jobs are timed with the host's dash, in CPU time, for scale.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StepRunner } from '../../src/init/steps.ts';
import type { StepResult } from '../../src/init/steps.ts';
import { clearParseCache } from '../../src/userland/sh/parsecache.ts';
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

function step(sh: string): { ms: number; cpuMs: number; res: StepResult } {
  let res: StepResult | undefined;
  const t = timed(() => { res = new StepRunner(m, [{ sh }]).runAll()[0]; });
  return { ms: t.wallMs, cpuMs: t.cpuMs, res: res! };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

const loopMs: number[] = [], parseMs: number[] = [], emptyMs: number[] = [];
const loopCpu: number[] = [], parseCpu: number[] = [];
for (let r = 0; r < reps + 2; r++) {
  const a = step(LOOP);
  if (!('stdout' in a.res) || a.res.exitCode !== 0) throw new Error(`loop failed: ${JSON.stringify(a.res)}`);
  // The shell keeps the trees it parsed across processes (src/userland/sh/parsecache.ts); this
  // figure is the parser's, so every run parses from scratch.
  clearParseCache();
  const b = step('sh -n /root/s1000.sh');
  if (!('stdout' in b.res) || b.res.exitCode !== 0) throw new Error(`parse failed: ${JSON.stringify(b.res)}`);
  const c = step(':');
  if (r >= 2) {
    loopMs.push(a.ms);
    parseMs.push(b.ms);
    emptyMs.push(c.ms);
    loopCpu.push(a.cpuMs);
    parseCpu.push(b.cpuMs);
  }
}

/** CPU time of this process's waited-for children (cutime + cstime of /proc/self/stat), in ms. */
function childrenCpuMs(): number {
  const f = readFileSync('/proc/self/stat', 'utf8');
  const fields = f.slice(f.lastIndexOf(')') + 2).split(' ');
  // Fields 16 and 17 of proc(5), counted from 1; fields[0] here is field 3.
  return (Number(fields[13]) + Number(fields[14])) * 10;
}

/**
 * The host's dash for the same jobs, in CPU time: the loop run `times` times in one process and
 * the script parsed as `times` copies in one file, so start-up and the 10 ms clock tick vanish.
 */
function dash(times: number): { loopMs: number; parseMs: number } {
  if (!existsSync('/usr/bin/dash') && !existsSync('/bin/dash')) return { loopMs: NaN, parseMs: NaN };
  const dir = mkdtempSync(join(tmpdir(), 'khelper-bench-'));
  const file = join(dir, 'sN.sh');
  writeFileSync(file, script1000().repeat(times));
  const cpu = (args: string[]): number => {
    const c0 = childrenCpuMs();
    execFileSync('dash', args, { stdio: 'ignore' });
    return childrenCpuMs() - c0;
  };
  const loops = `r=0\nwhile [ $r -lt ${times} ]; do\n${LOOP}r=$((r + 1))\ndone\n`;
  return { loopMs: (cpu(['-c', loops]) - cpu(['-c', ':'])) / times, parseMs: (cpu(['-n', file]) - cpu(['-c', ':'])) / times };
}

const d = dash(200);
report({
  whileLoopMs: median(loopMs), parse1000Ms: median(parseMs), emptyShMs: median(emptyMs),
  whileLoopCpuMs: median(loopCpu), parse1000CpuMs: median(parseCpu),
  dashWhileLoopCpuMs: d.loopMs, dashParse1000CpuMs: d.parseMs,
});
