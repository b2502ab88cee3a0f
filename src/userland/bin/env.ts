// GNU env 9.1: print the environment, or run COMMAND in a modified one (-i / -, -u NAME,
// NAME=VALUE, -C DIR, -0, -S STRING, -v, --default-signal, --ignore-signal, --block-signal,
// --list-signal-handling); 125 for env's own errors, 126/127 when COMMAND cannot be run or found.
// Signals are 1..31 here (no realtime signals): a number above is refused by sigaction.
import { ENOENT, strerror } from '../../uapi/errno.ts';
import type { ProgramArgs, UserGen } from '../../uapi/syscalls.ts';
import { SIG_NAMES, SIG_SETMASK, sigmask } from '../../uapi/signal.ts';
import { writeAll } from '../lib/io.ts';
import { chdir, sigaction, sigprocmask } from '../lib/sys.ts';
import { Output, tryHelp, warn } from './common.ts';
import { getoptLong } from '../text/getopt.ts';
import { L, parseArgs } from './opts.ts';
import type { ParsedOpt } from './opts.ts';
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

/** An option as an argument of its own again ("-u" "NAME", "--block-signal=INT"). */
function canonical(o: ParsedOpt): string[] {
  if (o.key.length === 1) return o.value === undefined ? [`-${o.key}`] : [`-${o.key}`, o.value];
  return [o.value === undefined ? `--${o.key}` : `--${o.key}=${o.value}`];
}

/** sig2str(): 29 is POLL (its table has POLL before IO). */
const sigName = (sig: number): string => (sig === 29 ? 'POLL' : SIG_NAMES[sig]);

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
  const spec = { short: '+C:iS:u:v0', long: LONG, stopAtOperand: true };
  // -S STRING: its words take its place in argv and option parsing goes on over them (env.c
  // rebuilds argv), so "-S '-i cmd'" is -i and "-S 'cmd' -v" runs cmd with -v.
  const splits: string[] = [];
  let args = [...argv];
  for (let guard = 0; guard < 64; guard++) {
    let n = 1;
    let r = getoptLong(argv[0] ?? 'env', args.slice(0, n), spec);
    while (n < args.length && !(r.ok && r.opts.some((o) => o.key === 'S'))) r = getoptLong(argv[0] ?? 'env', args.slice(0, ++n), spec);
    if (!r.ok || !r.opts.some((o) => o.key === 'S')) break;
    const at = r.opts.findIndex((o) => o.key === 'S');
    const before = r.opts.slice(0, at);
    const value = r.opts[at].value ?? '';
    const words = splitString(value);
    if (before.some((o) => o.key === 'v')) {
      splits.push(`split -S:  ${quoteC(value)}`, ...words.map((w, i) => `${i ? '     &' : ' into:'}    ${quoteC(w)}`));
    }
    args = [args[0], ...before.flatMap(canonical), ...words, ...args.slice(n)];
  }
  const p = yield* parseArgs(args, spec, { name: 'env' }, 125);
  if ('exit' in p) return p.exit;
  let vars = [...envp];
  let nul = false;
  let dir: string | null = null;
  const ops = [...p.operands];
  let listSignals = false, cleaned = false, verbose = false;
  const unset: string[] = [];
  const unblock = new Set<number>();
  // -v: devmsg() lines on stderr, written before anything else env writes.
  // parse_split_string() reported as it went, once -v came before.
  let pending = splits.map((l) => `${l}\n`).join('');
  const debug = (line: string): void => { if (verbose) pending += `${line}\n`; };
  const flushDebug = function* (): UserGen<void> {
    if (pending) yield* writeAll(2, pending);
    pending = '';
  };
  const usage = function* (msg: string): UserGen<number> {
    yield* flushDebug();
    yield* warn(argv[0], msg);
    yield* tryHelp(argv[0]);
    return 125;
  };
  const actions = new Map<number, { ignore: boolean; noerr: boolean }>();
  const block = new Set<number>();
  for (const o of p.opts) {
    const { key, value = '' } = o;
    if (key === 'i') cleaned = true;
    else if (key === 'v') verbose = true;
    else if (key === '0') nul = true;
    else if (key === 'C') dir = value;
    else if (key === 'u') {
      if (!value || value.includes('=')) {
        yield* warn(argv[0], `cannot unset ${quoteC(value)}: Invalid argument`);
        return 125;
      }
      unset.push(value);
    } else if (key === 'list-signal-handling') listSignals = true;
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
        // --default-signal also unblocks (env.c adds it to unblock_signals).
        if (key === 'default-signal') unblock.add(Math.abs(n));
      }
    }
  }
  if (ops[0] === '-') {
    cleaned = true;
    ops.shift();
  }
  if (cleaned) {
    vars = [];
    debug('cleaning environ');
  } else {
    for (const name of unset) {
      debug(`unset:    ${name}`);
      vars = vars.filter((v) => !v.startsWith(`${name}=`));
    }
  }
  // env.c: every operand holding a '=' is putenv()'d, even "=x" (glibc accepts it).
  while (ops.length && ops[0].includes('=')) {
    const a = ops.shift()!;
    debug(`setenv:   ${a}`);
    const name = a.slice(0, a.indexOf('='));
    vars = [...vars.filter((v) => !v.startsWith(`${name}=`)), a];
  }
  if (nul && ops.length) return yield* usage('cannot specify --null (-0) with command');
  if (dir !== null && !ops.length) return yield* usage('must specify command with --chdir (-C)');
  if (!ops.length) {
    yield* flushDebug();
    const out = new Output();
    for (const v of vars) yield* out.put(v + (nul ? '\0' : '\n'));
    return yield* out.finish(argv[0], 0);
  }
  // reset_signal_handlers(), set_signal_proc_mask(), list_signal_handling(), with a command only.
  for (const [sig, a] of [...actions].sort((x, y) => x[0] - y[0])) {
    const old = yield* sigaction(sig, null);
    const r = typeof old === 'number' ? old : yield* sigaction(sig, { ...old, handler: a.ignore ? 'ignore' : 'default' });
    const failed = typeof r === 'number' && r < 0;
    if (failed && !a.noerr) {
      yield* flushDebug();
      yield* warn(argv[0], `failed to ${typeof old === 'number' ? 'get' : 'set'} signal action for signal ${sig}: ${strerror(-r)}`);
      return 125;
    }
    debug(`Reset signal ${sigName(sig)} (${sig}) to ${a.ignore ? 'IGNORE' : 'DEFAULT'}${failed ? ' (failure ignored)' : ''}`);
  }
  if (block.size || unblock.size) {
    let mask = yield* sigprocmask(SIG_SETMASK, null);
    for (let sig = 1; sig < 32; sig++) {
      if (block.has(sig)) mask |= sigmask(sig);
      else if (unblock.has(sig)) mask &= ~sigmask(sig);
      else continue;
      debug(`signal ${sigName(sig)} (${sig}) mask set to ${block.has(sig) ? 'BLOCK' : 'UNBLOCK'}`);
    }
    yield* sigprocmask(SIG_SETMASK, mask >>> 0);
  }
  yield* flushDebug();
  if (listSignals) {
    const mask = yield* sigprocmask(SIG_SETMASK, null);
    let text = '';
    for (let sig = 1; sig < 32; sig++) {
      const act = yield* sigaction(sig, null);
      if (typeof act === 'number') continue;
      const ignored = act.handler === 'ignore' ? 'IGNORE' : '';
      const blocked = mask & sigmask(sig) ? 'BLOCK' : '';
      if (!ignored && !blocked) continue;
      text += `${sigName(sig).padEnd(10)} (${String(sig).padStart(2)}): ${blocked}${ignored && blocked ? ',' : ''}${ignored}\n`;
    }
    yield* writeAll(2, text);
  }
  if (dir !== null) {
    debug(`chdir:    ${quote(dir)}`);
    yield* flushDebug();
    const r = yield* chdir(dir);
    if (r < 0) {
      yield* warn(argv[0], `cannot change directory to ${quote(dir)}: ${strerror(-r)}`);
      return 125;
    }
  }
  debug(`executing: ${ops[0]}`);
  ops.forEach((a, i) => debug(`   arg[${i}]= ${quoteC(a)}`));
  yield* flushDebug();
  const r = yield* execvp(ops[0], ops, vars);
  yield* warn(argv[0], `${quoteC(ops[0])}: ${strerror(-r)}`);
  return r === -ENOENT ? 127 : 126;
}
