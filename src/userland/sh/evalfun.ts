// Shell functions, after dash's evalfun(): their own positional parameters, OPTIND and loop
// depth, dash's limit of 1000 nested calls, bash's trap inheritance and its death when the
// stack runs out. Each level runs on the shell's trampoline (lib/trampoline.ts), so the depth
// does not depend on the JavaScript stack.
import type { FuncNode } from './ast.ts';
import type { UserGen } from '../../uapi/syscalls.ts';
import { SIGSEGV, SIG_UNBLOCK, sigmask } from '../../uapi/signal.ts';
import { getpid, kill, sigaction, sigprocmask } from '../lib/sys.ts';
import { deepCall } from '../lib/trampoline.ts';
import { ShError, SyntaxErr } from './errors.ts';
import { evaltree } from './eval.ts';
import { evalstring } from './evalstring.ts';
import { errPrefix } from './output.ts';
import type { ShState } from './state.ts';
import { DEBUG_TRAP, ERR_TRAP, EV_TESTED, RETURN_TRAP, SKIPFUNC, SKIPFUNCDEF } from './state.ts';
import { runPseudoTrap } from './trap.ts';

const MAX_FUNCNEST = 1000;
const FUNCNEST_MSG = `Maximum function recursion depth (${MAX_FUNCNEST}) reached`;
/** bash has no limit of its own (FUNCNEST is unset): it recurses until its 8 MB C stack
 * overflows and dies of SIGSEGV, some 8,000 levels deep for a small function on Debian's
 * bash 5.2. Simplification: we stop at a fixed depth in that range. */
export const BASH_STACK_DEPTH = 8000;
/** V8 and JavaScriptCore: RangeError "Maximum call stack size exceeded"; SpiderMonkey:
 * InternalError "too much recursion". Other RangeErrors are bugs, not recursion. */
const isStackOverflow = (e: unknown): boolean => e instanceof Error &&
  ((e instanceof RangeError && /call stack/i.test(e.message)) || (e.name === 'InternalError' && /recursion/i.test(e.message)));

/** How bash dies when its C stack overflows: the fault's SIGSEGV with the default action, since a
 * trap handler cannot run without stack (the kernel's force_sig_info then resets it). */
function* stackOverflow(): UserGen<never> {
  yield* sigaction(SIGSEGV, { handler: 'default', mask: 0, flags: 0 });
  yield* sigprocmask(SIG_UNBLOCK, sigmask(SIGSEGV));
  yield* kill(yield* getpid(), SIGSEGV);
  throw new Error('SIGSEGV was not delivered');
}

/** evalfun(): run a function with its own positional parameters and loop depth. */
export function* evalfun(sh: ShState, fn: FuncNode, argv: string[], flags: number): UserGen<number> {
  // Debian's dash 0.5.12 stops at 1000 nested function calls.
  if (!sh.bash && sh.funcnames.length >= MAX_FUNCNEST) throw new ShError(FUNCNEST_MSG);
  if (sh.bash && sh.funcnames.length >= BASH_STACK_DEPTH) yield* stackOverflow();
  const saveparams = sh.params;
  const saveoptind = sh.optind, saveoptoff = sh.optoff;
  const savefuncline = sh.funcline;
  const saveloopnest = sh.loopnest;
  sh.params = argv.slice(1);
  sh.optind = 1;
  sh.optoff = -1;
  sh.funcline = fn.line;
  sh.loopnest = 0;
  sh.funcnames.unshift(argv[0]);
  if (sh.bash) sh.frames.unshift({ name: argv[0], src: sh.funcSrc.get(argv[0]) ?? sh.currentSource(), line: sh.errlinno });
  // bash: a function does not see the ERR trap without set -E, nor DEBUG and RETURN without -T;
  // a RETURN trap set inside runs when it returns.
  const hidden = sh.bash ? hideTraps(sh) : null;
  try {
    try {
      // Each level on the trampoline's own stack, so the depth is not bounded by the JS stack.
      if (sh.trampolined) yield* deepCall(evaltree(sh, fn.body, flags & EV_TESTED));
      else yield* evaltree(sh, fn.body, flags & EV_TESTED);
    } catch (e) {
      // bash names the error's source (BASH_SOURCE[0]) as of where it happened.
      if (sh.bash && e instanceof ShError && e.prefix === undefined && !(e instanceof SyntaxErr)) e.prefix = errPrefix(sh);
      // A JS stack overflow (deep nesting within one level, or a shell not on a trampoline) is
      // reported as dash reports its limit instead of killing the shell.
      if (!sh.bash && isStackOverflow(e)) throw new ShError(FUNCNEST_MSG);
      throw e;
    }
    if (sh.traps[RETURN_TRAP]) {
      const skip = sh.evalskip;
      sh.evalskip = 0;
      yield* runPseudoTrap(sh, RETURN_TRAP, evalstring);
      sh.evalskip = skip;
    }
  } finally {
    if (hidden) restoreTraps(sh, hidden);
    sh.funcnames.shift();
    if (sh.bash) sh.frames.shift();
    sh.loopnest = saveloopnest;
    sh.funcline = savefuncline;
    sh.params = saveparams;
    sh.optind = saveoptind;
    sh.optoff = saveoptoff;
  }
  sh.evalskip &= ~(SKIPFUNC | SKIPFUNCDEF);
  return sh.exitstatus;
}

/** Function entry: take away the traps a function does not inherit; what to put back. */
function hideTraps(sh: ShState): [number, string | null][] {
  const saved: [number, string | null][] = [];
  const hide = (i: number): void => {
    saved.push([i, sh.traps[i]]);
    sh.traps[i] = null;
  };
  if (!sh.opts.E) hide(ERR_TRAP);
  if (!sh.opts.T) { hide(DEBUG_TRAP); hide(RETURN_TRAP); }
  return saved;
}

/** Function exit: restore the hidden traps the function did not set itself. */
function restoreTraps(sh: ShState, saved: [number, string | null][]): void {
  for (const [i, t] of saved) if (sh.traps[i] === null) sh.traps[i] = t;
}

