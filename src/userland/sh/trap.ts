// Signals and traps, after dash's trap.c. A caught signal only records itself (onsig); the
// interpreter runs the trap commands between commands (dotrap). setsignal() keeps dash's
// sigmode bookkeeping: a signal ignored when the shell started stays ignored ("hard ignored"),
// SIGINT is caught by `sh -c`/scripts/interactive shells, SIGCHLD is always caught.
import type { SigAction, UserGen } from '../../uapi/syscalls.ts';
import { NSIG, SIGCHLD, SIGINT, SIGQUIT, SIGSTKFLT, SIGTERM, SIGTSTP, SIGTTIN, SIGTTOU, SIG_NAMES } from '../../uapi/signal.ts';
import { getpid, kill, sigaction, sigprocmask } from '../lib/sys.ts';
import type { ShState } from './state.ts';
import { DEBUG_TRAP, ERR_TRAP, RETURN_TRAP, S_CATCH, S_DFL, S_HARD_IGN, S_IGN, S_RESET, SKIPFUNC } from './state.ts';

/** dash's signal_names: "EXIT" then the names without "SIG". Debian's dash has no name for
 * SIGSTKFLT (16): it is "16" (bash says STKFLT). */
export function signalName(n: number, dash = false): string {
  if (n >= NSIG) return ['DEBUG', 'ERR', 'RETURN'][n - NSIG] ?? String(n);
  if (dash && n === SIGSTKFLT) return String(n);
  return n === 0 ? 'EXIT' : SIG_NAMES[n] ?? String(n);
}

/** decode_signal(): a number below NSIG, or a name (case-insensitive, no SIG prefix). bash
 * (pseudo true) also takes a SIG prefix and DEBUG, ERR and RETURN. */
export function decodeSignal(s: string, minsig: number, pseudo = false): number {
  if (/^[0-9]+$/.test(s)) {
    const n = Number(s);
    return n < NSIG ? n : -1;
  }
  let name = s.toLowerCase();
  if (pseudo && name.startsWith('sig')) name = name.slice(3);
  for (let i = minsig; i < (pseudo ? NSIG + 3 : NSIG); i++) if (signalName(i, !pseudo).toLowerCase() === name) return i;
  return -1;
}

/** The handler the shell installs for caught signals: record, and let dotrap() run the trap. */
function makeOnsig(sh: ShState): (sig: number) => UserGen<void> {
   
  return function* onsig(sig: number): UserGen<void> {
    if (sig === SIGCHLD) {
      sh.gotsigchld = true;
      if (!sh.traps[SIGCHLD]) return;
    }
    sh.gotsig[sig] = true;
    sh.pendingSig = sig;
    if (sig === SIGINT && !sh.traps[SIGINT]) sh.intpending = true;
  };
}

const act = (handler: SigAction['handler']): SigAction => ({ handler, mask: 0xffffffff, flags: 0 });

/** setsignal(): bring the disposition of signo in line with the trap table and shell mode. */
export function* setsignal(sh: ShState, signo: number): UserGen<void> {
  const t = sh.traps[signo];
  let action = t === null ? S_DFL : t !== '' ? S_CATCH : S_IGN;
  if (sh.shlvl === 0 && !sh.vforked && action === S_DFL) {
    switch (signo) {
      case SIGINT:
        if (sh.opts.i || sh.minusc !== null || !sh.opts.s) action = S_CATCH;
        break;
      case SIGQUIT: case SIGTERM:
        if (sh.opts.i) action = S_IGN;
        break;
      case SIGTSTP: case SIGTTOU:
        if (sh.opts.m) action = S_IGN;
        break;
    }
  }
  if (signo === SIGCHLD) action = S_CATCH;
  let tsig = sh.sigmode[signo];
  if (tsig === 0) {
    const old = yield* sigaction(signo, null);
    if (typeof old === 'number') return;
    if (old.handler === 'ignore') {
      tsig = sh.opts.m && (signo === SIGTSTP || signo === SIGTTIN || signo === SIGTTOU) ? S_IGN : S_HARD_IGN;
    } else tsig = S_RESET;
  }
  if (tsig === S_HARD_IGN || tsig === action) {
    sh.sigmode[signo] = tsig;
    return;
  }
  sh.sigmode[signo] = action;
  yield* sigaction(signo, act(action === S_CATCH ? makeOnsig(sh) : action === S_IGN ? 'ignore' : 'default'));
}

/** ignoresig(): ignore signo for good (background children). */
export function* ignoresig(sh: ShState, signo: number): UserGen<void> {
  if (sh.sigmode[signo] !== S_IGN && sh.sigmode[signo] !== S_HARD_IGN) yield* sigaction(signo, act('ignore'));
  sh.sigmode[signo] = S_HARD_IGN;
}

/** FORKRESET in trap.c: a subshell forgets the traps it inherited (ignored ones stay). */
export function* forkResetTraps(sh: ShState): UserGen<void> {
  for (let i = 0; i < NSIG; i++) {
    const t = sh.traps[i];
    if (t !== null && t !== '') {
      sh.traps[i] = null;
      if (i !== 0) yield* setsignal(sh, i);
    }
  }
  // bash: ERR is kept with set -E, DEBUG and RETURN with set -T.
  if (!sh.opts.E) sh.traps[ERR_TRAP] = null;
  if (!sh.opts.T) sh.traps[DEBUG_TRAP] = sh.traps[RETURN_TRAP] = null;
}

/** Run bash's DEBUG, ERR or RETURN trap, keeping $? as it was. */
export function* runPseudoTrap(sh: ShState, which: number, evalstring: EvalString): UserGen<void> {
  const p = sh.traps[which];
  if (!p || sh.inPseudoTrap & (1 << (which - NSIG))) return;
  const status = sh.exitstatus;
  const saveLine = sh.trapLine;
  sh.trapLine = sh.errlinno;
  sh.inPseudoTrap |= 1 << (which - NSIG);
  try {
    yield* evalstring(sh, p, 0);
  } finally {
    sh.inPseudoTrap &= ~(1 << (which - NSIG));
    sh.trapLine = saveLine;
  }
  sh.exitstatus = status;
}

/**
 * A forked child must catch signals into its own copy of the state: the handlers it inherited
 * close over the parent's. (dash needs no such step: fork copies its memory.)
 */
export function* rebindHandlers(sh: ShState): UserGen<void> {
  for (let i = 1; i < NSIG; i++) {
    if (sh.sigmode[i] === S_CATCH) yield* sigaction(i, act(makeOnsig(sh)));
  }
}

export function haveTraps(sh: ShState): boolean {
  for (const t of sh.traps) if (t) return true;
  return false;
}

/** The commands run for a trap; provided by eval.ts to avoid an import cycle at load time. */
export type EvalString = (sh: ShState, s: string, flags: number) => UserGen<number>;

/** dotrap(): run the traps of the signals received since last time. */
export function* dotrap(sh: ShState, evalstring: EvalString): UserGen<void> {
  if (sh.intpending && !sh.traps[SIGINT]) yield* onint(sh);
  if (!sh.pendingSig) return;
  let status = sh.savestatus;
  const last = status;
  if (status < 0) {
    status = sh.exitstatus;
    sh.savestatus = status;
  }
  sh.pendingSig = 0;
  for (let i = 1; i < NSIG; i++) {
    if (!sh.gotsig[i]) continue;
    if (sh.evalskip) {
      sh.pendingSig = i;
      break;
    }
    sh.gotsig[i] = false;
    const p = sh.traps[i];
    if (!p) continue;
    yield* evalstring(sh, p, 0);
    if (sh.evalskip !== SKIPFUNC) sh.exitstatus = status;
  }
  sh.savestatus = last;
}

/** An interrupt with no trap: an interactive shell abandons the command; others die of it. */
export class Interrupt extends Error {
  constructor() {
    super('interrupt');
  }
}

export function* onint(sh: ShState): UserGen<void> {
  sh.intpending = false;
  yield* sigprocmask(2, 0);
  if (!(sh.shlvl === 0 && sh.opts.i)) {
    yield* sigaction(SIGINT, act('default'));
    yield* kill(yield* getpid(), SIGINT);
  }
  sh.exitstatus = 128 + SIGINT;
  throw new Interrupt();
}
