// GNU env 9.1: print the environment, or run COMMAND in a modified one (-i / -, -u NAME,
// NAME=VALUE, -C DIR, -0, -S STRING, --default-signal, --ignore-signal, --block-signal,
// --list-signal-handling); 125 for env's own errors, 126/127 when COMMAND cannot be run or found.
// Signals are 1..31 here (no realtime signals): a number above is refused by sigaction.
import { ENOENT, strerror } from '../../uapi/errno.ts';
import type { ProgramArgs, UserGen } from '../../uapi/syscalls.ts';
import { SIG_NAMES, SIG_SETMASK, sigmask } from '../../uapi/signal.ts';
import { writeAll } from '../lib/io.ts';
import { chdir, sigaction, sigprocmask } from '../lib/sys.ts';
import { Output, tryHelp, warn } from './common.ts';
import { L, parseArgs } from './opts.ts';
import { quote, quoteC } from './quote.ts';
import { execvp } from './spawn.ts';

/** env.c longopts, in its order. */
const LONG = {
  'ignore-environment': L('i'), null: L('0'), unset: L('u', 'required'), chdir: L('C', 'required'),
  'default-signal': L('default-signal', 'optional'), 'ignore-signal': L('ignore-signal', 'optional'),
  'block-signal': L('block-signal', 'optional'), 'list-signal-handling': L('list-signal-handling'), debug: L('v'),
  'split-string': L('S', 'required'),
};

/** str2sig() after env's "SIG" prefix is dropped: a signal name (any case) or number. */
function sigNumber(name: string): number | null {
  const up = name.toUpperCase();
  const n = up.startsWith('SIG') ? up.slice(3) : up;
  if (/^\d+$/.test(n)) return Number(n) >= 1 && Number(n) <= 64 ? Number(n) : null;
  const i = (SIG_NAMES as readonly string[]).indexOf(n);
  return i > 0 ? i : n === 'IOT' ? 6 : n === 'POLL' ? 29 : n === 'CLD' ? 17 : null;
}

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
  let listSignals = false;
  const actions = new Map<number, { ignore: boolean; noerr: boolean }>();
  const block = new Set<number>();
  for (const o of p.opts) {
    const { key, value = '' } = o;
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
    else if (key === 'list-signal-handling') listSignals = true;
    else if (key.endsWith('-signal')) {
      // parse_signal_action_params(): no list means every signal, its errors ignored.
      const sigs = o.value === undefined ? Array.from({ length: 31 }, (_, i) => -(i + 1)) : [];
      for (const name of o.value?.split(',') ?? []) {
        const n = sigNumber(name);
        if (n === null) {
          yield* warn(argv[0], `${quoteC(name)}: invalid signal`);
          yield* tryHelp(argv[0]);
          return 125;
        }
        sigs.push(n);
      }
      for (const n of sigs) {
        if (key === 'block-signal') block.add(Math.abs(n));
        else actions.set(Math.abs(n), { ignore: key === 'ignore-signal', noerr: n < 0 });
      }
    }
  }
  // reset_signal_handlers(), set_signal_proc_mask(), list_signal_handling(), before the command.
  for (const [sig, a] of [...actions].sort((x, y) => x[0] - y[0])) {
    const old = yield* sigaction(sig, null);
    const r = typeof old === 'number' ? old : yield* sigaction(sig, { ...old, handler: a.ignore ? 'ignore' : 'default' });
    if (typeof r === 'number' && r < 0 && !a.noerr) {
      yield* warn(argv[0], `failed to ${typeof old === 'number' ? 'get' : 'set'} signal action for signal ${sig}: ${strerror(-r)}`);
      return 125;
    }
  }
  if (block.size) {
    let mask = yield* sigprocmask(SIG_SETMASK, null);
    for (const sig of block) if (sig < 32) mask |= sigmask(sig);
    yield* sigprocmask(SIG_SETMASK, mask >>> 0);
  }
  if (listSignals) {
    const mask = yield* sigprocmask(SIG_SETMASK, null);
    let text = '';
    for (let sig = 1; sig < 32; sig++) {
      const act = yield* sigaction(sig, null);
      if (typeof act === 'number') continue;
      const ignored = act.handler === 'ignore' ? 'IGNORE' : '';
      const blocked = mask & sigmask(sig) ? 'BLOCK' : '';
      if (!ignored && !blocked) continue;
      // sig2str() names 29 POLL (its table has POLL before IO).
      text += `${(sig === 29 ? 'POLL' : SIG_NAMES[sig]).padEnd(10)} (${String(sig).padStart(2)}): ${blocked}${ignored && blocked ? ',' : ''}${ignored}\n`;
    }
    yield* writeAll(2, text);
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
