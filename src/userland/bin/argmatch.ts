// gnulib argmatch.c as XARGMATCH uses it: an exact name wins, else a unique prefix (several
// prefixes naming the same value are one match); otherwise argmatch_invalid() and
// argmatch_valid() print "invalid/ambiguous argument 'X' for '--opt'" and the list of valid
// arguments, names of one value on one line, before usage's "Try ...".
import { writeAll } from '../lib/io.ts';
import type { UserGen } from '../../uapi/syscalls.ts';
import { tryHelp, warn } from './common.ts';
import { quoteC } from './quote.ts';

/** The index of the group of names `arg` selects, or 'invalid' / 'ambiguous'. */
export function argmatch(arg: string, groups: readonly (readonly string[])[]): number | 'invalid' | 'ambiguous' {
  const hits = new Set<number>();
  for (const [i, names] of groups.entries()) {
    if (names.includes(arg)) return i;
    if (names.some((n) => n.startsWith(arg))) hits.add(i);
  }
  if (hits.size === 1) return [...hits][0];
  return hits.size ? 'ambiguous' : 'invalid';
}

/** XARGMATCH: the group index, or -1 after the diagnostic, the valid list and "Try ...". */
export function* xargmatch(prog: string, opt: string, arg: string, groups: readonly (readonly string[])[]): UserGen<number> {
  const r = argmatch(arg, groups);
  if (typeof r === 'number') return r;
  yield* warn(prog, `${r} argument ${quoteC(arg)} for '${opt}'`);
  yield* writeAll(2, `Valid arguments are:\n${groups.map((g) => `  - ${g.map((n) => `'${n}'`).join(', ')}\n`).join('')}`);
  yield* tryHelp(prog);
  return -1;
}

/** when_args of ls, cp and others: always, never, auto (if a terminal). */
export const WHEN = [['always', 'yes', 'force'], ['never', 'no', 'none'], ['auto', 'tty', 'if-tty']] as const;
