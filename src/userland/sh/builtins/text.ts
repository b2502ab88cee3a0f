// echo, printf, test and [ as shell builtins, over the shared implementations in userland/lib
// (dash's bltin/printf.c and bltin/test.c; bash's dialect in bash mode).
import type { UserGen } from '../../../uapi/syscalls.ts';
import { echo } from '../../lib/echo.ts';
import { dashPrintfOptions, printf } from '../../lib/printf.ts';
import type { PrintfOptions } from '../../lib/printf.ts';
import { TestError, dashNumber, testExpr } from '../../lib/testexpr.ts';
import { ShError } from '../errors.ts';
import { out1, warnx } from '../output.ts';
import type { ShState } from '../state.ts';
import { setvar } from '../vars.ts';
import { bashTest } from '../bashtest.ts';
import { NextOpt } from './nextopt.ts';
import { register } from './table.ts';
import { clockGettime } from '../../lib/sys.ts';
import { strftime } from '../../bin/time.ts';

 
function* echocmd(sh: ShState, argv: string[]): UserGen<number> {
  out1(sh, echo(argv.slice(1), sh.bash ? 'bash' : 'dash'));
  return 0;
}

const bashPrintfOptions: PrintfOptions = {
  numError: (arg, kind) => (kind === 'range' ? `warning: ${arg}: Numerical result out of range` : `${arg}: invalid number`),
  dialect: 'bash',
  rangeWarns: true,
};

function* printfcmd(sh: ShState, argv: string[]): UserGen<number> {
  let args: string[];
  let varName: string | null = null;
  if (sh.bash) {
    let i = 1;
    if (argv[i] === '-v') { varName = argv[i + 1]; i += 2; }
    if (argv[i] === '--') i++;
    args = argv.slice(i);
    if (!args.length) throw new ShError('usage: printf [-v var] format [arguments]', 2);
  } else {
    const o = new NextOpt(argv);
    o.next('');
    args = o.rest();
    if (!args.length) throw new ShError('usage: printf format [arg ...]');
  }
  let opts = sh.bash ? bashPrintfOptions : dashPrintfOptions;
  if (sh.bash && args[0].includes('%(')) {
    // %(fmt)T needs the time.
    const now = Math.floor((yield* clockGettime(0)) / 1e9);
    opts = { ...opts, time: { now, start: sh.bashDyn.startSec, strftime: (f, t) => strftime(f, t) } };
  }
  const r = printf(args[0], args.slice(1), opts);
  if (varName !== null) setvar(sh, varName, r.out);
  else out1(sh, r.out);
  for (const w of r.warnings) yield* warnx(sh, w);
  if (r.error) {
    if (sh.bash) {
      yield* warnx(sh, r.error);
      return 1;
    }
    throw new ShError(r.error);
  }
  return r.status;
}

function* testcmd(sh: ShState, argv: string[]): UserGen<number> {
  if (sh.bash) {
    // bash's own test.c (posixtest, expr/term); its messages are builtin_error()s, status 2.
    try {
      return yield* bashTest(sh, argv);
    } catch (e) {
      if (e instanceof TestError) {
        yield* warnx(sh, e.message);
        return 2;
      }
      throw e;
    }
  }
  let args = argv.slice(1);
  if (argv[0] === '[') {
    // dash's testcmd() looks only at the first byte of the last word, so `[ 1 -eq 1 ]]` works.
    if (args[args.length - 1]?.[0] !== ']') throw new ShError('missing ]');
    args = args.slice(0, -1);
  }
  try {
    return yield* testExpr(args, { number: dashNumber });
  } catch (e) {
    if (e instanceof TestError) throw new ShError(e.message);
    throw e;
  }
}

register('echo', '', echocmd);
register('printf', '', printfcmd);
register('test [', '', testcmd);
