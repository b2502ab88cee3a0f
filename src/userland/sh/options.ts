// optschanged(): after the option flags change, bring signals (interactive) and job control in
// line, as dash's options.c does through setinteractive() and setjobctl().
import type { UserGen } from '../../uapi/syscalls.ts';
import { SIGINT, SIGQUIT, SIGTERM } from '../../uapi/signal.ts';
import type { ShState } from './state.ts';
import { setsignal } from './trap.ts';
import { setjobctl } from './jobctl.ts';

export function* optschanged(sh: ShState): UserGen<void> {
  const on = !!sh.opts.i;
  if (sh.interactiveSet !== on) {
    sh.interactiveSet = on;
    yield* setsignal(sh, SIGINT);
    yield* setsignal(sh, SIGQUIT);
    yield* setsignal(sh, SIGTERM);
  }
  yield* setjobctl(sh, !!sh.opts.m);
}
