// bash's suspend (builtins/suspend.def): stop the shell's process group with SIGSTOP until a
// SIGCONT. Refused without job control ("cannot suspend: no job control") and in a login shell,
// unless -f; an operand is "too many arguments", which abandons the command line (no_args()).
import type { UserGen } from '../../../uapi/syscalls.ts';
import { SIGSTOP } from '../../../uapi/signal.ts';
import { kill } from '../../lib/sys.ts';
import { ShError } from '../errors.ts';
import { warnx } from '../output.ts';
import type { ShState } from '../state.ts';
import { NextOpt } from './nextopt.ts';
import { register } from './table.ts';

function* suspendcmd(sh: ShState, argv: string[]): UserGen<number> {
  const o = new NextOpt(argv);
  let force = false;
  for (let c; (c = o.next('f'));) force = c === 'f' || force;
  if (o.rest().length) {
    const e = new ShError('too many arguments', 1);
    e.discard = true;
    throw e;
  }
  if (!force) {
    if (!sh.jobctl) {
      yield* warnx(sh, 'cannot suspend: no job control');
      return 1;
    }
    if (sh.shopt.has('login_shell')) {
      yield* warnx(sh, 'cannot suspend a login shell');
      return 1;
    }
  }
  // killpg(shell_pgrp, SIGSTOP): the shell and whatever shares its group stop here.
  yield* kill(0, SIGSTOP);
  return 0;
}

register('suspend', 'uB', suspendcmd);
