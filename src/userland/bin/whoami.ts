// GNU whoami 9.1: the name of the effective user ID, looked up in /etc/passwd (glibc's files
// backend for getpwuid()).
import type { ProgramArgs, UserGen } from '../../uapi/syscalls.ts';
import { readFile } from '../lib/io.ts';
import { geteuid } from '../lib/sys.ts';
import { Output, tryHelp, warn } from './common.ts';
import { parseArgs } from './opts.ts';
import { quoteC } from './quote.ts';

/** getpwuid(uid)->pw_name from /etc/passwd, or null. */
export function* userName(uid: number): UserGen<string | null> {
  const t = yield* readFile('/etc/passwd');
  if (typeof t === 'number') return null;
  for (const line of t.split('\n')) {
    const f = line.split(':');
    if (f.length >= 3 && f[2] !== '' && Number(f[2]) === uid) return f[0];
  }
  return null;
}

export function* whoami({ argv }: ProgramArgs): UserGen {
  const p = yield* parseArgs(argv, { short: '' }, { name: 'whoami' });
  if ('exit' in p) return p.exit;
  if (p.operands.length) {
    yield* warn(argv[0], `extra operand ${quoteC(p.operands[0])}`);
    yield* tryHelp(argv[0]);
    return 1;
  }
  const uid = yield* geteuid();
  const name = yield* userName(uid);
  if (name === null) {
    yield* warn(argv[0], `cannot find name for user ID ${uid}`);
    return 1;
  }
  const out = new Output();
  yield* out.put(`${name}\n`);
  return yield* out.finish(argv[0], 0);
}
