// set: options (-e -f -u -x -v -n -C -a ... and -o name), set -- args, set -o / set +o
// listings, and with no arguments the variables as name='value' (dash's options.c, var.c).
import type { UserGen } from '../../../uapi/syscalls.ts';
import { ShError } from '../errors.ts';
import { optschanged } from '../options.ts';
import { out1 } from '../output.ts';
import type { ShState } from '../state.ts';
import { OPT_LETTERS, OPT_NAMES } from '../state.ts';
import { lookupvar, showvars } from '../vars.ts';
import { arrayLiteral } from '../basharray.ts';
import { quoteReusable } from '../ansic.ts';
import { functionText } from '../bashprint.ts';
import { register } from './table.ts';

/** dash's options(0) for `set`; returns the remaining operands or null when none were given. */
function* setcmd(sh: ShState, argv: string[]): UserGen<number> {
  if (argv.length === 1) {
    out1(sh, sh.bash ? bashSetListing(sh) : showvars(sh, '', 0));
    return 0;
  }
  let i = 1;
  let newParams: string[] | null = null;
  for (; i < argv.length; i++) {
    const p = argv[i];
    const c0 = p[0];
    if (c0 !== '-' && c0 !== '+') break;
    const val = c0 === '-';
    if (c0 === '-' && (p.length === 1 || p === '--')) {
      if (p.length === 1) {
        sh.opts.x = false;
        sh.opts.v = false;
      } else if (i + 1 >= argv.length) newParams = [];
      i++;
      break;
    }
    for (const c of p.slice(1)) {
      if (c === 'o') {
        const name = argv[i + 1];
        yield* minusO(sh, name, val);
        if (name !== undefined) i++;
      } else setoption(sh, c, val);
    }
  }
  if (i < argv.length) newParams = argv.slice(i);
  yield* optschanged(sh);
  if (newParams) {
    sh.params = newParams;
    sh.optind = 1;
    sh.optoff = -1;
  }
  return 0;
}

/** bash's `set` with no arguments: every variable as name=value (quoted only when it must
 * be), arrays as (...), then the functions. */
function bashSetListing(sh: ShState): string {
  let out = '';
  for (const n of [...sh.vars.keys()].sort()) {
    const v = sh.vars.get(n)!;
    if (v.arr || v.assoc) { out += `${n}=${arrayLiteral(v)}\n`; continue; }
    const val = v.dyn || v.lineno ? lookupvar(sh, n) : v.v;
    if (val === null) continue;
    out += `${n}=${/^[A-Za-z0-9_@%+=:,./-]*$/.test(val) && !val.startsWith('~') ? val : quoteReusable(val)}\n`;
  }
  for (const n of [...sh.funcs.keys()].sort()) out += `${functionText(n, sh.funcs.get(n)!.body)}\n`;
  return out;
}

/** bash's `set -o` names and the sh.opts keys behind them (letters where there is one). */
export const BASH_SET_O: [string, string][] = [
  ['allexport', 'a'], ['braceexpand', 'B'], ['emacs', 'emacs'], ['errexit', 'e'], ['errtrace', 'E'],
  ['functrace', 'T'], ['hashall', 'h'], ['histexpand', 'H'], ['history', 'history'], ['ignoreeof', 'I'],
  ['interactive-comments', 'interactive-comments'], ['keyword', 'k'], ['monitor', 'm'], ['noclobber', 'C'],
  ['noexec', 'n'], ['noglob', 'f'], ['nolog', 'nolog'], ['notify', 'b'], ['nounset', 'u'], ['onecmd', 't'],
  ['physical', 'P'], ['pipefail', 'pipefail'], ['posix', 'posix'], ['privileged', 'p'], ['verbose', 'v'],
  ['vi', 'V'], ['xtrace', 'x'],
];
const BASH_LETTERS = 'abefhikmnptuvxBCEHPT';

/** The options bash starts with on. */
export function bashDefaultOpts(sh: ShState): void {
  sh.opts.B = sh.opts.h = true;
  sh.opts['interactive-comments'] = true;
}

export function setoption(sh: ShState, c: string, val: boolean): void {
  if (sh.bash) {
    if (!BASH_LETTERS.includes(c) || c === 'i') {
      const e = new ShError(`Illegal option -${c}`, 2, `-${c}: invalid option`);
      e.bashStatus = 2;
      e.bashUsage = 'set [-abefhkmnptuvxBCEHPT] [-o option-name] [--] [-] [arg ...]';
      throw e;
    }
    sh.opts[c] = val;
    return;
  }
  if (!(OPT_LETTERS as readonly string[]).includes(c)) throw new ShError(`Illegal option -${c}`);
  sh.opts[c] = val;
  if (val) {
    if (c === 'V') sh.opts.E = false;
    else if (c === 'E') sh.opts.V = false;
  }
}

 
/** minus_o(NULL, val) while procargs() parses the command line: every option still holds
 * procargs()'s "unset" 2, which counts as on (`sh -o` lists them all on). `opt(i)` is the
 * value of OPT_NAMES[i]. */
export function cmdlineOptList(opt: (i: number) => number, val: boolean): string {
  if (val) return `Current option settings\n${OPT_NAMES.map((n, i) => `${n.padEnd(16)}${opt(i) ? 'on' : 'off'}\n`).join('')}`;
  return OPT_NAMES.map((n, i) => `set ${opt(i) ? '-o' : '+o'} ${n}\n`).join('');
}

function* minusO(sh: ShState, name: string | undefined, val: boolean): UserGen<void> {
  if (sh.bash) {
    if (name === undefined) {
      for (const [n, k] of BASH_SET_O) {
        out1(sh, val ? `${n.padEnd(15)}\t${sh.opts[k] ? 'on' : 'off'}\n` : `set ${sh.opts[k] ? '-o' : '+o'} ${n}\n`);
      }
      return;
    }
    const row = BASH_SET_O.find((r) => r[0] === name);
    if (!row) {
      const e = new ShError(`Illegal option -o ${name}`, 2, `${name}: invalid option name`);
      e.bashStatus = 2;
      throw e;
    }
    sh.opts[row[1]] = val;
    if (name === 'vi' && val) sh.opts.emacs = false;
    if (name === 'emacs' && val) sh.opts.V = false;
    return;
  }
  if (name === undefined) {
    if (val) {
      out1(sh, 'Current option settings\n');
      OPT_NAMES.forEach((n, i) => out1(sh, `${n.padEnd(16)}${sh.opts[OPT_LETTERS[i] ?? `_${n}`] ? 'on' : 'off'}\n`));
    } else {
      OPT_NAMES.forEach((n, i) => out1(sh, `set ${sh.opts[OPT_LETTERS[i] ?? `_${n}`] ? '-o' : '+o'} ${n}\n`));
    }
    return;
  }
  const i = OPT_NAMES.indexOf(name);
  if (i < 0) {
    if (sh.bash && name === 'pipefail') { sh.opts.pipefail = val; return; }
    throw new ShError(`Illegal option -o ${name}`);
  }
  sh.opts[OPT_LETTERS[i] ?? `_${name}`] = val;
}

register('set', 's', setcmd);
