// bash's shopt: the option table (bash 5.2's, in its order), -s/-u/-q/-p/-o, and BASHOPTS.
// Options with an effect here: nullglob, failglob, dotglob, globskipdots, nocaseglob,
// nocasematch, expand_aliases, xpg_echo; the rest are recorded only.
import type { UserGen } from '../../../uapi/syscalls.ts';
import { out1, warnx } from '../output.ts';
import type { ShState } from '../state.ts';
import { register } from './table.ts';

export const SHOPT_NAMES = [
  'autocd', 'assoc_expand_once', 'cdable_vars', 'cdspell', 'checkhash', 'checkjobs', 'checkwinsize', 'cmdhist',
  'compat31', 'compat32', 'compat40', 'compat41', 'compat42', 'compat43', 'compat44', 'complete_fullquote',
  'direxpand', 'dirspell', 'dotglob', 'execfail', 'expand_aliases', 'extdebug', 'extglob', 'extquote', 'failglob',
  'force_fignore', 'globasciiranges', 'globskipdots', 'globstar', 'gnu_errfmt', 'histappend', 'histreedit',
  'histverify', 'hostcomplete', 'huponexit', 'inherit_errexit', 'interactive_comments', 'lastpipe', 'lithist',
  'localvar_inherit', 'localvar_unset', 'login_shell', 'mailwarn', 'no_empty_cmd_completion', 'nocaseglob',
  'nocasematch', 'noexpand_translation', 'nullglob', 'patsub_replacement', 'progcomp', 'progcomp_alias',
  'promptvars', 'restricted_shell', 'shift_verbose', 'sourcepath', 'varredir_close', 'xpg_echo',
];

/** The options bash starts with. */
export const SHOPT_DEFAULTS = ['checkwinsize', 'cmdhist', 'complete_fullquote', 'extquote', 'force_fignore',
  'globasciiranges', 'globskipdots', 'hostcomplete', 'interactive_comments', 'patsub_replacement', 'progcomp',
  'promptvars', 'sourcepath'];

/** $BASHOPTS: the options that are on, in table order (alphabetical, as bash lists them). */
export function bashopts(sh: ShState): string {
  return SHOPT_NAMES.filter((n) => sh.shopt.has(n)).sort().join(':');
}

function* shoptcmd(sh: ShState, argv: string[]): UserGen<number> {
  let set: boolean | null = null;
  let quiet = false;
  let print = false;
  let i = 1;
  for (; i < argv.length && argv[i].startsWith('-') && argv[i].length > 1; i++) {
    if (argv[i] === '--') { i++; break; }
    for (const c of argv[i].slice(1)) {
      if (c === 's') set = true;
      else if (c === 'u') set = false;
      else if (c === 'q') quiet = true;
      else if (c === 'p') print = true;
      else if (c === 'o') continue;
      else {
        yield* warnx(sh, `-${c}: invalid option`);
        yield* warnx(sh, 'usage: shopt [-pqsu] [-o] [optname ...]');
        return 2;
      }
    }
  }
  const names = argv.slice(i);
  const line = (n: string): string => (print ? `shopt ${sh.shopt.has(n) ? '-s' : '-u'} ${n}\n`
    : `${n.padEnd(15)}\t${sh.shopt.has(n) ? 'on' : 'off'}\n`);
  if (!names.length) {
    if (quiet) return 0;
    for (const n of SHOPT_NAMES) if (set === null || sh.shopt.has(n) === set) out1(sh, line(n));
    return 0;
  }
  let status = 0;
  for (const n of names) {
    if (!SHOPT_NAMES.includes(n)) {
      yield* warnx(sh, `${n}: invalid shell option name`);
      status = 1;
      continue;
    }
    if (set === true) sh.shopt.add(n);
    else if (set === false) sh.shopt.delete(n);
    else {
      if (!sh.shopt.has(n)) status = 1;
      if (!quiet) out1(sh, line(n));
    }
  }
  return status;
}

register('shopt', 'uB', shoptcmd);
