// The text engines of src/userland/text as programs: each is run by runText (textreq.ts), which
// performs its file, pipe and output requests with syscalls.
import type { Program, ProgramArgs, UserGen } from '../../uapi/syscalls.ts';
import { writeAll } from '../lib/io.ts';
import { awkMain } from '../text/awk.ts';
import { cutMain } from '../text/cut.ts';
import { exprMain } from '../text/expr.ts';
import { grepMain } from '../text/grep_main.ts';
import { sedMain } from '../text/sed.ts';
import { seqMain } from '../text/seq.ts';
import { sortMain } from '../text/sort.ts';
import type { TextGen } from '../text/textio.ts';
import { trMain } from '../text/tr.ts';
import { uniqMain } from '../text/uniq.ts';
import { wcMain } from '../text/wc.ts';
import { nowEpoch } from './time.ts';
import { runText } from './textreq.ts';

const engine = (main: (argv: readonly string[]) => TextGen<number>): Program =>
  ({ argv, envp }: ProgramArgs) => runText(argv[0], main(argv), envp);

export const grep = engine(grepMain);
export const sed = engine(sedMain);
export const tr = engine(trMain);
export const cut = engine(cutMain);
export const sort = engine(sortMain);
export const uniq = engine(uniqMain);
export const wc = engine(wcMain);
export const seq = engine(seqMain);

/** mawk: ENVIRON from envp, srand() seeded from the virtual clock. */
export function* awk({ argv, envp }: ProgramArgs): UserGen {
  const [now] = yield* nowEpoch();
  return yield* runText(argv[0], awkMain(argv, { envp, now }), envp);
}

/** GNU expr: a pure evaluation; its output and status as computed. */
export function* expr({ argv }: ProgramArgs): UserGen {
  const r = exprMain(argv);
  if (r.stdout) {
    const n = yield* writeAll(1, r.stdout);
    if (n < 0) return 3;
  }
  if (r.stderr) yield* writeAll(2, r.stderr);
  return r.status;
}
