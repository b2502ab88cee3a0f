// GNU env 9.1: print the environment, or run COMMAND in a modified one (-i / -, -u NAME,
// NAME=VALUE, -C DIR, -0, -S STRING); 125 for env's own errors, 126/127 when COMMAND cannot
// be run or found.
import { ENOENT, strerror } from '../../uapi/errno.ts';
import type { ProgramArgs, UserGen } from '../../uapi/syscalls.ts';
import { chdir } from '../lib/sys.ts';
import { Output, warn } from './common.ts';
import { L, parseArgs } from './opts.ts';
import { quote, quoteC } from './quote.ts';
import { execvp } from './spawn.ts';

/** env.c longopts, in its order; the signal options are refused (no per-signal dispositions here). */
const LONG = {
  'ignore-environment': L('i'), null: L('0'), unset: L('u', 'required'), chdir: L('C', 'required'),
  'default-signal': L('default-signal', 'optional'), 'ignore-signal': L('ignore-signal', 'optional'),
  'block-signal': L('block-signal', 'optional'), 'list-signal-handling': L('list-signal-handling'), debug: L('v'),
  'split-string': L('S', 'required'),
};

/** -S: split on blanks, honouring quotes and backslashes (a subset of env's splitting). */
function splitString(s: string): string[] {
  const out: string[] = [];
  let cur: string | null = null;
  let q: string | null = null;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (q) {
      if (c === q) q = null;
      else if (c === '\\' && q === '"' && i + 1 < s.length) cur += s[++i];
      else cur += c;
      continue;
    }
    if (c === '"' || c === "'") { q = c; cur ??= ''; continue; }
    if (c === ' ' || c === '\t' || c === '\n') {
      if (cur !== null) out.push(cur);
      cur = null;
      continue;
    }
    if (c === '\\' && i + 1 < s.length) { cur = (cur ?? '') + s[++i]; continue; }
    cur = (cur ?? '') + c;
  }
  if (cur !== null) out.push(cur);
  return out;
}

export function* env({ argv, envp }: ProgramArgs): UserGen {
  const p = yield* parseArgs(argv, { short: '+C:iS:u:v0', long: LONG, stopAtOperand: true }, { name: 'env' }, 125);
  if ('exit' in p) return p.exit;
  let vars = [...envp];
  let nul = false;
  let dir: string | null = null;
  let ops = [...p.operands];
  for (const { key, value = '' } of p.opts) {
    if (key === 'i') vars = [];
    else if (key === '0') nul = true;
    else if (key === 'C') dir = value;
    else if (key === 'u') {
      if (!value || value.includes('=')) {
        yield* warn(argv[0], `cannot unset ${quoteC(value)}: Invalid argument`);
        return 125;
      }
      vars = vars.filter((v) => !v.startsWith(`${value}=`));
    } else if (key === 'S') ops = [...splitString(value), ...ops];
    else if (key.length > 1) {
      yield* warn(argv[0], `option --${key} is not supported here`);
      return 125;
    }
  }
  if (ops[0] === '-') {
    vars = [];
    ops.shift();
  }
  // env.c: every operand holding a '=' is putenv()'d, even "=x" (glibc accepts it).
  while (ops.length && ops[0].includes('=')) {
    const a = ops.shift()!;
    const name = a.slice(0, a.indexOf('='));
    vars = [...vars.filter((v) => !v.startsWith(`${name}=`)), a];
  }
  if (!ops.length) {
    if (dir !== null) {
      yield* warn(argv[0], 'must specify command with --chdir (-C)');
      return 125;
    }
    const out = new Output();
    for (const v of vars) yield* out.put(v + (nul ? '\0' : '\n'));
    return yield* out.finish(argv[0], 0);
  }
  if (nul) {
    yield* warn(argv[0], 'cannot specify --null (-0) with command');
    return 125;
  }
  if (dir !== null) {
    const r = yield* chdir(dir);
    if (r < 0) {
      yield* warn(argv[0], `cannot change directory to ${quote(dir)}: ${strerror(-r)}`);
      return 125;
    }
  }
  const r = yield* execvp(ops[0], ops, vars);
  yield* warn(argv[0], `${quoteC(ops[0])}: ${strerror(-r)}`);
  return r === -ENOENT ? 127 : 126;
}
