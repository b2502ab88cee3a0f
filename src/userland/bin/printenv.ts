// GNU printenv 9.1: the whole environment, or the value of each named variable (every entry
// that matches is printed). Usage errors exit 2; a missing variable makes the status 1.
import type { ProgramArgs, UserGen } from '../../uapi/syscalls.ts';
import { Output } from './common.ts';
import { L, parseArgs } from './opts.ts';

export function* printenv({ argv, envp }: ProgramArgs): UserGen {
  // printenv.c's getopt string is env's "+iu:0": -i and -u are options that end in usage().
  const p = yield* parseArgs(argv, { short: '+iu:0', long: { null: L('0') } }, { name: 'printenv', usageKeys: ['i', 'u'] }, 2);
  if ('exit' in p) return p.exit;
  const end = p.opts.length ? '\0' : '\n';
  const out = new Output();
  let ok = true;
  if (!p.operands.length) {
    for (const e of envp) yield* out.put(e + end);
  } else {
    let matches = 0;
    for (const name of p.operands) {
      // 'printenv a=b' is silent (and unmatched), even if 'a=b=c' is in the environment.
      if (name.includes('=')) continue;
      let matched = false;
      for (const e of envp) {
        if (e.startsWith(`${name}=`)) {
          yield* out.put(e.slice(name.length + 1) + end);
          matched = true;
        }
      }
      if (matched) matches++;
    }
    ok = matches === p.operands.length;
  }
  return yield* out.finish(argv[0], ok ? 0 : 1);
}
