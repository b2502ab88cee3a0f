// The shell's output paths: dash's out1 (a buffer a builtin fills, written when it returns) and
// out2 error messages in dash's form "$0: LINENO: [command: ]message", written as dash writes them
// (prefix, message and newline as three writes).
import type { UserGen } from '../../uapi/syscalls.ts';
import { writeAll } from '../lib/io.ts';
import { ShError, SyntaxErr } from './errors.ts';
import type { ShState } from './state.ts';

/** bash's builtin_usage() lines. */
const BASH_USAGE: Record<string, string> = {
  unset: 'unset [-f] [-v] [-n] [name ...]',
  export: 'export [-fn] [name[=value] ...] or export -p',
  readonly: 'readonly [-aAf] [name[=value] ...] or readonly -p',
  cd: 'cd [-L|[-P [-e]] [-@]] [dir]',
  pwd: 'pwd [-LP]',
  read: 'read [-ers] [-a array] [-d delim] [-i text] [-n nchars] [-N nchars] [-p prompt] [-t timeout] [-u fd] [name ...]',
  hash: 'hash [-lr] [-p pathname] [-dt] [name ...]',
  type: 'type [-afptP] name [name ...]',
  jobs: 'jobs [-lnprs] [jobspec ...] or jobs -x command [args]',
  wait: 'wait [-fn] [-p var] [id ...]',
  umask: 'umask [-p] [-S] [mode]',
  alias: 'alias [-p] [name[=value] ... ]',
  unalias: 'unalias [-a] name [name ...]',
  command: 'command [-pVv] command [arg ...]',
  getopts: 'getopts optstring name [arg ...]',
  trap: 'trap [-lp] [[arg] signal_spec ...]',
  local: 'local [option] name[=value] ...',
  declare: 'declare [-aAfFgiIlnrtux] name[=value] ... or declare -p [-aAfFilnrtux] [name ...]',
  typeset: 'typeset [-aAfFgiIlnrtux] name[=value] ... or typeset -p [-aAfFilnrtux] [name ...]',
  printf: 'printf [-v var] format [arguments]',
  ulimit: 'ulimit [-SHabcdefiklmnpqrstuvxPRT] [limit]',
  fg: 'fg [job_spec]',
  bg: 'bg [job_spec ...]',
  '.': '. filename [arguments]',
  source: 'source filename [arguments]',
  exec: 'exec [-cl] [-a name] [command [argument ...]] [redirection ...]',
  mapfile: 'mapfile [-d delim] [-n count] [-O origin] [-s count] [-t] [-u fd] [-C callback] [-c quantum] [array]',
  readarray: 'readarray [-d delim] [-n count] [-O origin] [-s count] [-t] [-u fd] [-C callback] [-c quantum] [array]',
  shopt: 'shopt [-pqsu] [-o] [optname ...]',
  enable: 'enable [-a] [-dnps] [-f filename] [name ...]',
  compgen: 'compgen [-abcdefgjksuv] [-o option] [-A action] [-G globpat] [-W wordlist] [-F function] [-C command] [-X filterpat] [-P prefix] [-S suffix] [word]',
  complete: 'complete [-abcdefgjksuv] [-pr] [-DEI] [-o option] [-A action] [-G globpat] [-W wordlist] [-F function] [-C command] [-X filterpat] [-P prefix] [-S suffix] [name ...]',
  compopt: 'compopt [-o|+o option] [-DEI] [name ...]',
  fc: 'fc [-e ename] [-lnr] [first] [last] or fc -s [pat=rep] [command]',
  bind: 'bind [-lpsvPSVX] [-m keymap] [-f filename] [-q name] [-u name] [-r keyseq] [-x keyseq:shell-command] [keyseq:readline-function or readline-command]',
  suspend: 'suspend [-f]',
  history: 'history [-c] [-d offset] [n] or history -anrw [filename] or history -ps arg [arg...]',
};

export function errPrefix(sh: ShState): string {
  // bash's get_name_for_error(): BASH_SOURCE[0] (a sourced file, "environment" for a function
  // from a -c string), else $0.
  const name = sh.bash && !sh.opts.i ? bashErrorName(sh) : sh.arg0;
  // bash: "NAME: line N: " (no line number when interactive).
  const line = sh.bash ? (sh.opts.i ? '' : `line ${sh.errlinno}: `) : `${sh.errlinno}: `;
  return sh.commandname !== null ? `${name}: ${line}${sh.commandname}: ` : `${name}: ${line}`;
}

function bashErrorName(sh: ShState): string {
  const f = sh.frames[0];
  if (f) return f.src || sh.arg0;
  return sh.arg0;
}

/** The status an error leaves in $?: dash's 2, or bash's (usually 1). */
export function errStatus(sh: ShState, e: ShError): number {
  // bashStatus -1: the error leaves $? alone ([[ ]] parse errors).
  return sh.bash ? (e.bashStatus < 0 ? sh.exitstatus : e.bashStatus) : e.status;
}

/** dash's sh_warnx()/exvwarning2(). */
export function* warnx(sh: ShState, msg: string): UserGen<void> {
  yield* writeAll(2, errPrefix(sh));
  yield* writeAll(2, msg);
  yield* writeAll(2, '\n');
}

/** Print an error raised with sh_error() once, with the context of where it was first caught. */
export function* reportError(sh: ShState, e: ShError): UserGen<void> {
  if (e.prefix === 'printed') return;
  if (e.prefix === undefined && e instanceof SyntaxErr) sh.errlinno = e.line;
  const prefix = e.prefix ?? errPrefix(sh);
  e.prefix = 'printed';
  if (sh.bash && e instanceof SyntaxErr && e.bashLines) {
    for (const l of e.bashLines) yield* writeAll(2, `${prefix}${l}\n`);
    return;
  }
  yield* writeAll(2, prefix);
  yield* writeAll(2, sh.bash && e.bashMessage !== undefined ? e.bashMessage : e.message);
  yield* writeAll(2, '\n');
  if (sh.bash && e.bashUsage) {
    const usage = e.bashUsage === 'builtin' ? BASH_USAGE[sh.commandname ?? ''] : e.bashUsage;
    if (usage) yield* writeAll(2, `${sh.commandname}: usage: ${usage}\n`);
  }
}

/** Text to stderr without the prefix (outfmt(out2, ...)). */
export function* err2(s: string): UserGen<void> {
  yield* writeAll(2, s);
}

/** Append to the builtin's standard output buffer. */
export function out1(sh: ShState, s: string): void {
  sh.out1 += s;
}

/** Write out the builtin's buffered output; -errno on failure (dash's outerr). */
export function* flushOut(sh: ShState): UserGen<number> {
  if (!sh.out1) return 0;
  const s = sh.out1;
  sh.out1 = '';
  const n = yield* writeAll(1, s);
  return n < 0 ? n : 0;
}

export { ShError };
