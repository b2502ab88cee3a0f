// A demo that crashes on purpose, to show core dumps and the core_pattern pipe helper:
// "crash" sends itself SIGSEGV, "crash --abort" SIGABRT (as abort() does after raise()).
import { SIGABRT, SIGSEGV, SIG_UNBLOCK, sigmask } from '../../uapi/signal.ts';
import type { ProgramArgs, UserGen } from '../../uapi/syscalls.ts';
import { writeAll } from '../lib/io.ts';
import { getpid, kill, sigprocmask } from '../lib/sys.ts';

export function* crash({ argv }: ProgramArgs): UserGen {
  const args = argv.slice(1);
  if (args.some((a) => a !== '--abort' && a !== '--segv')) {
    yield* writeAll(2, `Usage: ${argv[0]} [--abort]\nKill this process with SIGSEGV (or SIGABRT) to produce a core dump.\n`);
    return 2;
  }
  const sig = args.includes('--abort') ? SIGABRT : SIGSEGV;
  const pid = yield* getpid();
  // abort() unblocks SIGABRT first; a segfault cannot be blocked either.
  yield* sigprocmask(SIG_UNBLOCK, sigmask(sig));
  yield* kill(pid, sig);
  // Still alive: the signal is ignored or handled.
  yield* writeAll(2, `${argv[0]}: survived signal ${sig}\n`);
  return 1;
}
