// GNU sleep 9.1: the sum of NUMBER[smhd] operands (strtod syntax: fractions, hex, "inf"),
// slept with nanosleep in virtual time. Bad intervals are all reported before the usage hint.
import type { ProgramArgs, UserGen } from '../../uapi/syscalls.ts';
import { nanosleep, pause } from '../lib/sys.ts';
import { tryHelp, warn } from './common.ts';
import { parseArgs } from './opts.ts';
import { quoteC } from './quote.ts';
import { strtod } from './strtod.ts';

const MULT: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86400 };

/** One operand in seconds, or null when it is not a valid interval. */
export function interval(s: string): number | null {
  const r = strtod(s);
  if (r.end === 0) return null;
  const suffix = s.slice(r.end);
  if (suffix.length > 1 || !(suffix in MULT)) return null;
  const v = r.value * MULT[suffix];
  return v >= 0 ? v : null; // also rejects NaN, as sleep.c's "! (0 <= s)"
}

export function* sleep({ argv }: ProgramArgs): UserGen {
  const p = yield* parseArgs(argv, { short: '' }, { name: 'sleep' });
  if ('exit' in p) return p.exit;
  if (!p.operands.length) {
    yield* warn(argv[0], 'missing operand');
    yield* tryHelp(argv[0]);
    return 1;
  }
  let total = 0;
  let ok = true;
  for (const a of p.operands) {
    const v = interval(a);
    if (v === null) {
      yield* warn(argv[0], `invalid time interval ${quoteC(a)}`);
      ok = false;
    } else total += v;
  }
  if (!ok) {
    yield* tryHelp(argv[0]);
    return 1;
  }
  if (!Number.isFinite(total)) {
    for (;;) yield* pause();
  }
  // The kernel restarts an interrupted nanosleep with the time left (restart_syscall).
  let ns = Math.round(total * 1e9);
  while (ns > 0) {
    const chunk = Math.min(ns, 2 ** 52);
    const r = yield* nanosleep(chunk);
    if (r < 0 && r !== -4) return 1;
    ns -= chunk;
  }
  return 0;
}
