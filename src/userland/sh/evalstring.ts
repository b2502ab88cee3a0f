// evalstring(): parse and run a string command by command (eval, traps, `sh -c`). The last
// command gets EV_EXIT when the caller asked for it, as dash's parser_eof() check does.
import type { UserGen } from '../../uapi/syscalls.ts';
import { NEOF, Parser } from './parser.ts';
import { Source } from './source.ts';
import type { ShState } from './state.ts';
import { EV_EXIT } from './state.ts';
import { evaltree } from './eval.ts';
import { SyntaxErr } from './errors.ts';

export function* evalstring(sh: ShState, s: string, flags: number): UserGen<number> {
  const src = new Source(s, true, 1);
  const p = new Parser(src, sh.bash);
  let status = 0;
  for (;;) {
    let n;
    try {
      n = p.parsecmd();
    } catch (e) {
      if (e instanceof SyntaxErr) sh.errlinno = e.line;
      throw e;
    }
    if (n === NEOF) break;
    const atEof = p.atEof();
    const i = yield* evaltree(sh, n, flags & ~(atEof ? 0 : EV_EXIT));
    if (n) status = i;
    if (sh.evalskip) break;
  }
  return status;
}
