// expr, seq, basename, dirname and xargs against GNU recordings (scripts/record-text.sh misc).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { MemFs } from './memfs.ts';
import type { Golden, Run } from './memfs.ts';
import { runProto } from './run_proto.ts';
import { exprMain } from '../../src/userland/text/expr.ts';
import { seqMain } from '../../src/userland/text/seq.ts';
import { basenameMain, dirnameMain } from '../../src/userland/text/names.ts';
import { xargsBatches, xargsParseArgs, xargsSplit } from '../../src/userland/text/xargs.ts';

const golden = JSON.parse(readFileSync(new URL('./golden/misc.json', import.meta.url), 'utf8')) as Golden;

/** What the xargs wrapper does, with echo as the only command. */
function runXargs(argv: string[], stdin: string): Run {
  const p = xargsParseArgs(argv);
  if (!p.ok) return { stdout: '', stderr: p.stderr, status: p.status };
  const s = xargsSplit(stdin, p.opts);
  const r: Run = { stdout: '', stderr: '', status: 0 };
  for (const cmd of xargsBatches(p.command, s, p.opts)) {
    if (p.opts.verbose) r.stderr += cmd.join(' ') + '\n';
    if (cmd[0] === 'echo') r.stdout += cmd.slice(1).join(' ') + '\n';
  }
  if (s.error) { r.stderr += s.error; r.status = 1; }
  return r;
}

function run(argv: string[], stdin: string): Run {
  switch (argv[0]) {
    case 'expr': return exprMain(argv);
    case 'basename': return basenameMain(argv);
    case 'dirname': return dirnameMain(argv);
    case 'xargs': return runXargs(argv, stdin);
    default: return runProto(seqMain(argv), new MemFs({}), stdin);
  }
}

describe('expr, seq, basename, dirname, xargs match GNU', () => {
  for (const c of golden.cases) {
    it(c.argv.map((a) => JSON.stringify(a)).join(' '), () => {
      const r = run(c.argv, c.stdin ?? '');
      expect({ stdout: r.stdout, stderr: r.stderr, status: r.status }).toEqual({ stdout: c.stdout, stderr: c.stderr, status: c.status });
    });
  }
});
