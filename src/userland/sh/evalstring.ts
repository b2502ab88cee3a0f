// evalstring(): parse and run a string command by command (eval, traps, `sh -c`). The last
// command gets EV_EXIT when the caller asked for it, as dash's parser_eof() check does. The
// string counts its own lines from 1 (dash pushes a new parsefile, and plinno is per file).
import type { UserGen } from '../../uapi/syscalls.ts';
import { NEOF, Parser } from './parser.ts';
import { Source } from './source.ts';
import type { ShState } from './state.ts';
import { EV_EXIT } from './state.ts';
import { evaltree } from './eval.ts';
import { ShError, ShExit } from './errors.ts';
import { errStatus, reportError } from './output.ts';

export function* evalstring(sh: ShState, s: string, flags: number): UserGen<number> {
  const src = new Source(s, true, 1);
  const p = new Parser(src, sh.bash);
  p.aliases = sh.parserAliases();
  let status = 0;
  const savePlinno = sh.plinno;
  try {
    for (;;) {
      p.aliases = sh.parserAliases();
      p.extglob = sh.bash && sh.shopt.has('extglob');
      const n = p.parsecmd();
      if (n === NEOF) break;
      sh.plinno = src.line;
      try {
        const i = yield* evaltree(sh, n, flags & ~(p.atEof() ? 0 : EV_EXIT));
        if (n) status = i;
      } catch (e) {
        // bash's parse_and_execute(): DISCARD abandons this command line and goes on.
        if (!(e instanceof ShError && e.discard)) throw e;
        yield* reportError(sh, e);
        status = sh.exitstatus = errStatus(sh, e);
        if (p.atEof() && flags & EV_EXIT) throw new ShExit(status, true);
      }
      if (sh.evalskip) break;
    }
  } finally {
    sh.plinno = savePlinno;
  }
  return status;
}
