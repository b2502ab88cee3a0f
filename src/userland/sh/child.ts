// The end of a shell process: exitshell() runs the EXIT trap and yields the exit status, and
// runChild() is what a forked child shell does around its work (dash: the child longjmps to
// the main handler, which calls exitshell()).
import type { UserGen } from '../../uapi/syscalls.ts';
import { ShError, ShExit } from './errors.ts';
import { errStatus, reportError } from './output.ts';
import type { ShState } from './state.ts';
import { SKIPFUNCDEF } from './state.ts';
import { Interrupt } from './trap.ts';
import { evalstring } from './evalstring.ts';
import { flushOut } from './output.ts';

/** exitshell(): run the EXIT trap; the status the process exits with. */
export function* exitshell(sh: ShState, status: number): UserGen<number> {
  sh.exitstatus = status;
  sh.savestatus = status;
  const p = sh.traps[0];
  if (p) {
    sh.traps[0] = null;
    sh.evalskip = 0;
    try {
      yield* evalstring(sh, p, 0);
      sh.evalskip = SKIPFUNCDEF;
    } catch (e) {
      if (e instanceof ShExit) {
        yield* flushOut(sh);
        return e.status & 0xff;
      }
      if (!(e instanceof ShError) && !(e instanceof Interrupt)) throw e;
      if (e instanceof ShError) yield* reportError(sh, e);
      // dash's exitreset() puts savestatus back only after EXEXIT or a trap that ran to its end
      // (evalskip == SKIPFUNCDEF): an error in the trap exits with sh_error()'s 2, an interrupt
      // with onint()'s 128+SIGINT. bash keeps the status it had.
      if (!sh.bash) {
        yield* flushOut(sh);
        return (e instanceof ShError ? errStatus(sh, e) : sh.exitstatus) & 0xff;
      }
    }
  }
  yield* flushOut(sh);
  return sh.savestatus & 0xff;
}

/** Status for an exception that reached the top of a (child) shell. */
export function* topLevelStatus(sh: ShState, e: unknown): UserGen<number> {
  if (e instanceof ShExit) return e.status;
  if (e instanceof ShError) {
    yield* reportError(sh, e);
    return errStatus(sh, e);
  }
  if (e instanceof Interrupt) return sh.exitstatus;
  throw e;
}

/** Run work in a forked child shell and exit with its status (after the EXIT trap). */
export function* runChild(sh: ShState, work: (sh: ShState) => UserGen<number>): UserGen<number> {
  let status: number;
  try {
    status = yield* work(sh);
  } catch (e) {
    status = yield* topLevelStatus(sh, e);
  }
  return yield* exitshell(sh, status);
}
