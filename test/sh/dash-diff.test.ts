// Differences from real dash found by running the same script through khelper's sh and through
// /usr/bin/dash (Debian dash 0.5.12-2) and comparing. Every expected stdout, stderr and status
// below was recorded from host dash running the script as `dash /tmp/dd/case.sh` in the empty
// directory /tmp/dd/t with the environment of src/init/run.ts's DEFAULT_ENV; the machine runs it
// the same way. Each case names the dash behaviour it pins.
import { describe, expect, it } from 'vitest';
import { run } from './dashcase.ts';
import type { Case } from './dashcase.ts';

const cases: Case[] = [
  // printf: dash's exverror() flushes the builtin's buffered output after the error message.
  {
    name: 'fx_printf_flush',
    script: [
      'printf \'a%5%b\\n\' 2>&1',
      'echo " st=$?"',
      'printf \'x\\n%s%z\' y 2>&1',
      'echo " st=$?"',
    ],
    stdout: '/tmp/dd/case.sh: 1: printf: %5%: invalid directive\na st=2\n/tmp/dd/case.sh: 3: printf: %z: invalid directive\nx\ny st=2\n',
    stderr: '',
    status: 0,
  },
  // eval: synerror() reports plinno, the line inside the eval string where the parse failed.
  {
    name: 'fx_eval_synerr_line',
    script: [
      'echo start',
      'command eval \'echo one',
      'echo two',
      '',
      'if\'',
      'echo st=$?',
      'command eval \'',
      '',
      'echo "unterminated\'',
      'command eval \'echo x; (\' ',
      'f() {',
      '  command eval \'',
      '',
      '',
      'fi\'',
      '}',
      'f',
    ],
    stdout: 'start\none\ntwo\nst=2\n',
    stderr: '/tmp/dd/case.sh: 4: eval: Syntax error: end of file unexpected (expecting "then")\n/tmp/dd/case.sh: 3: eval: Syntax error: Unterminated quoted string\n/tmp/dd/case.sh: 1: eval: Syntax error: end of file unexpected (expecting ")")\n/tmp/dd/case.sh: 4: eval: Syntax error: "fi" unexpected\n',
    status: 2,
  },
  // EXIT trap: an error in it exits with sh_error()'s 2 (exitshell() -> exitreset() keeps exitstatus).
  {
    name: 'fx_exit_trap_error',
    script: [
      '(trap \'echo in trap; if\' EXIT; true)',
      'echo st=$?',
      '(trap \': ${u?unset in trap}\' EXIT; exit 0)',
      'echo st=$?',
      '(trap \'false\' EXIT; true)',
      'echo st=$?',
      '(trap \'exit 4\' EXIT; true)',
      'echo st=$?',
      'trap \'echo t $LINENO',
      'fi\' EXIT',
    ],
    stdout: 'st=2\nst=2\nst=0\nst=4\nt\n',
    stderr: '/tmp/dd/case.sh: 1: Syntax error: end of file unexpected (expecting "then")\n/tmp/dd/case.sh: 1: u: unset in trap\n/tmp/dd/case.sh: 2: Syntax error: "fi" unexpected\n',
    status: 2,
  },
  // command -v / -V and type: describe_command() reports aliases after keywords (printalias()).
  {
    name: 'fx_describe_alias',
    script: [
      'alias ll=\'ls -l\' q="it\'s"',
      'command -v ll; echo st=$?',
      'command -v q',
      'command -V ll',
      'type ll q echo',
      'alias if=x',
      'type if',
      'command -p -v ll',
    ],
    stdout: 'alias ll=\'ls -l\'\nst=0\nalias q=\'it\'"\'"\'s\'\nll is an alias for ls -l\nll is an alias for ls -l\nq is an alias for it\'s\necho is a shell builtin\nif is a shell keyword\nalias ll=\'ls -l\'\n',
    stderr: '',
    status: 0,
  },
  // fg/bg without job control and no job name: getjob() hands sh_error a NULL name, printed "(null)".
  {
    name: 'fx_fg_null_job',
    script: [
      'sleep 1 &',
      'fg 2>&1; echo st=$?',
      'bg 2>&1; echo st=$?',
      'fg %1 2>&1; echo st=$?',
      'kill %1',
      'wait',
      'fg 2>&1; echo st=$?',
    ],
    stdout: '/tmp/dd/case.sh: 2: fg: job (null) not created under job control\nst=2\n/tmp/dd/case.sh: 3: bg: job (null) not created under job control\nst=2\n/tmp/dd/case.sh: 4: fg: job %1 not created under job control\nst=2\n/tmp/dd/case.sh: 7: fg: job (null) not created under job control\nst=2\n',
    stderr: '/tmp/dd/case.sh: 5: kill: No such process\n\n',
    status: 0,
  },
  // sh -o / sh +o with no name list the options while procargs() still holds 2 (on) in each; -o nolog/debug are accepted.
  {
    name: 'fx_cmdline_o',
    script: [
      'sh -o < /dev/null; echo st=$?',
      'sh -e +o < /dev/null; echo st=$?',
      'sh +e -o -c \'echo after\' 2>&1; echo st=$?',
      'sh -o nolog -c \'set -o\' | tail -3',
      'sh -o debug -c \'set +o\' | tail -2',
      'sh -o -c 2>&1; echo st=$?',
    ],
    stdout: 'Current option settings\nerrexit         on\nnoglob          on\nignoreeof       on\ninteractive     on\nmonitor         on\nnoexec          on\nstdin           on\nxtrace          on\nverbose         on\nvi              on\nemacs           on\nnoclobber       on\nallexport       on\nnotify          on\nnounset         on\nprivileged      on\nnolog           on\ndebug           on\nst=0\nset -o errexit\nset -o noglob\nset -o ignoreeof\nset -o interactive\nset -o monitor\nset -o noexec\nset -o stdin\nset -o xtrace\nset -o verbose\nset -o vi\nset -o emacs\nset -o noclobber\nset -o allexport\nset -o notify\nset -o nounset\nset -o privileged\nset -o nolog\nset -o debug\nst=0\nsh: 0: Illegal option -o -c\nst=2\nprivileged      off\nnolog           on\ndebug           off\nset +o nolog\nset -o debug\nsh: 0: Illegal option -o -c\nst=2\n',
    stderr: '',
    status: 0,
  },
  // local 1x=2 passes (setvareq() checks no name); poplocalvars() -> unsetvar() -> setvar() rejects it at return, at errlinno of the function's last command.
  {
    name: 'fx_local_badname',
    script: [
      'f() {',
      '  local 1x=2 a-b=3',
      '  echo in $1x',
      '  set | grep -c x=',
      '}',
      '',
      'f',
      'echo st=$?',
    ],
    stdout: 'in x\n1\n',
    stderr: '/tmp/dd/case.sh: 3: a-b: bad variable name\n',
    status: 2,
  },
  // The same in subshells and command substitution: that child exits 2.
  {
    name: 'fx_local_badname_sub',
    script: [
      'f() { local =1; echo in; }',
      'x=$(f); echo "st=$? [$x]"',
      'g() { local x=1 9=2; echo g; }',
      '(g); echo st=$?',
      'h() { local 1x; }',
      '(h); echo st=$?',
    ],
    stdout: 'st=2 [in]\ng\nst=2\nst=2\n',
    stderr: '/tmp/dd/case.sh: 1: : bad variable name\n/tmp/dd/case.sh: 3: 9: bad variable name\n/tmp/dd/case.sh: 5: local: 1x: bad variable name\n',
    status: 0,
  },
  // ${@#pat} and friends trim the parameters joined with NUL (varvalue()), candidates cut at a NUL (scanleft()/scanright() and pmatch() on C strings).
  {
    name: 'fx_at_trim',
    script: [
      'p() { printf \'<%s>\' "$@"; echo " $#"; }',
      'set -- abc bcd \'c d\'',
      'p "${@#?}"',
      'p "${@##abc}"',
      'p "${@#abc}"',
      'p "${@%d}"',
      'p "${@%%d}"',
      'p "${@%b*}"',
      'p "${@%%b*}"',
      'p "${@#*b}"',
      'p "${@##*b}"',
      'p "${@%?}"',
      'p "x${@#a}y"',
      'p "${@#nomatch}"',
      'set -- abc',
      'p "${@#a}" "${@%c}"',
      'set --',
      'p "${@#a}"',
      'set -- abc bcd \'c d\'',
      'p ${@%%d} ${*%%d}',
      'p ${@##*b} ${*#abc}',
      'p ${@%b*}',
      'unset IFS',
      'p ${@%%d} ${@##abc}',
      'IFS=:',
      'p "${*%%d}" "${*##abc}"',
      'x=${@%%d}; p "$x"',
    ],
    stdout: '<bc><bcd><c d> 3\n<> 1\n<><bcd><c d> 3\n<abc><bcd><c > 3\n<abc><bcd><c d> 3\n<abc><> 2\n<a> 1\n<c><bcd><c d> 3\n<c><bcd><c d> 3\n<abc><bcd><c > 3\n<xbc><bcd><c dy> 3\n<abc><bcd><c d> 3\n<bc><ab> 2\n<> 1\n<abc><bcd><c><d><abc><bcd><c><d> 8\n<c><bcd><c><d><bcd><c><d> 7\n<abc> 1\n<abc><bcd><c><bcd><c><d> 6\n<abc:bcd:c ><:bcd:c d> 2\n<abc:bcd:c > 1\n',
    stderr: '',
    status: 0,
  },
  // OPTIND's setter getoptsreset() calls number(): a bad value (or unset) is "Illegal number".
  {
    name: 'fx_optind_number',
    script: [
      '(OPTIND=x /bin/true); echo st=$?',
      'f() { echo f; }',
      '(OPTIND=y f); echo st=$?',
      '(OPTIND=z true); echo st=$?',
      '(OPTIND= ); echo st=$?',
      '(OPTIND=-1); echo st=$?',
      '(OPTIND=2147483648); echo st=$?',
      'OPTIND=0; getopts a o -a; echo "$? $o $OPTIND"',
      'OPTIND=\' 1 \'; getopts a o -a; echo "$? $o $OPTIND"',
      'g() { local OPTIND; echo in g; }; g; echo st=$?',
      'command unset OPTIND; echo st=$?',
      'unset OPTIND',
      'echo not reached',
    ],
    stdout: 'st=2\nst=2\nst=2\nst=2\nst=2\nst=2\n0 a 2\n0 a 2\nin g\nst=0\nst=2\n',
    stderr: '/tmp/dd/case.sh: 1: Illegal number: x\n/tmp/dd/case.sh: 3: Illegal number: y\n/tmp/dd/case.sh: 4: Illegal number: z\n/tmp/dd/case.sh: 5: Illegal number: \n/tmp/dd/case.sh: 6: Illegal number: -1\n/tmp/dd/case.sh: 7: Illegal number: 2147483648\n/tmp/dd/case.sh: 11: unset: Illegal number: \n/tmp/dd/case.sh: 12: unset: Illegal number: \n',
    status: 2,
  },
  // read from a closed fd: readcmd() treats the failed read() as end of input (status 1, no message).
  {
    name: 'fx_read_closed',
    script: [
      'y=old',
      'read y <&- 2>&1; echo "st=$? [$y]"',
      'exec 0<&-',
      'read a b 2>&1; echo "st=$? [$a][$b]"',
    ],
    stdout: 'st=1 []\nst=1 [][]\n',
    stderr: '',
    status: 0,
  },
  // alias: aliascmd() looks for '=' from the second character, so "=x" is a name to look up.
  {
    name: 'fx_alias_eq',
    script: [
      'alias \'=x\' 2>&1; echo st=$?',
      'alias \'==y\' 2>&1; echo st=$?',
      'alias',
      'alias \'=\' 2>&1; echo st=$?',
    ],
    stdout: 'alias: =x not found\nst=1\nst=0\n==\'y\'\n==\'y\'\nst=0\n',
    stderr: '',
    status: 0,
  },
  // Mutually recursive aliases end: an alias whose text ended with the word stays ALIASINUSE while the next alias's value is read (spfree chain).
  {
    name: 'fx_alias_loop',
    script: [
      'alias r=\'r2\' r2=\'r\'',
      'r 2>&1; echo st=$?',
      'r2 2>&1; echo st=$?',
      'alias a=\'b\' b=\'c\' c=\'a x\'',
      'a 2>&1; echo st=$?',
      'alias e=\'echo \' p=\'e\' q=\'p q\'',
      'q w 2>&1; echo st=$?',
      'alias s=\'t \' t=\'s\'',
      's s 2>&1; echo st=$?',
      'alias u=\'echo u;u\'',
      'u 2>&1; echo st=$?',
    ],
    stdout: '/tmp/dd/case.sh: 2: r: not found\nst=127\n/tmp/dd/case.sh: 3: r2: not found\nst=127\n/tmp/dd/case.sh: 5: a: not found\nst=127\nq w\nst=0\n/tmp/dd/case.sh: 9: s: not found\nst=127\nu\n/tmp/dd/case.sh: 11: u: not found\nst=127\n',
    stderr: '',
    status: 0,
  },
  // Debian's dash has no name for signal 16 (SIGSTKFLT): trap lists it as 16, the name STKFLT is unknown.
  {
    name: 'fx_sig16',
    script: [
      'trap \'echo x\' 16; echo st=$?',
      'trap',
      'trap \'echo y\' STKFLT 2>&1; echo st=$?',
      'trap - 16',
      'kill -STKFLT $$ 2>&1; echo st=$?',
      'kill -s STKFLT $$ 2>&1; echo st=$?',
      'kill -l 16 144',
    ],
    stdout: 'st=0\ntrap -- \'echo x\' 16\ntrap: STKFLT: bad trap\nst=1\n/tmp/dd/case.sh: 5: kill: Illegal option -S\nst=2\n/tmp/dd/case.sh: 6: kill: invalid signal number or name: STKFLT\nst=2\n16\n',
    stderr: '',
    status: 0,
  },
  // getopts: dash's scan of optstring takes a leading ':' (or one after "x:") as an option letter.
  {
    name: 'fx_getopts_colon',
    script: [
      't() { spec=$1; shift; OPTIND=1; while getopts "$spec" o "$@"; do echo "o=$o A=${OPTARG-unset} I=$OPTIND"; done; echo "end o=$o I=$OPTIND"; }',
      't \':\' -:',
      't \':a\' -a -: -b',
      't \'a::\' -: -a x',
      't \'a:\' -: 2>&1',
      't \':b:\' -b: -:x',
    ],
    stdout: 'o=: A= I=2\nend o=? I=2\no=a A= I=2\no=: A= I=3\no=? A=b I=4\nend o=? I=4\no=: A= I=2\no=a A=x I=4\nend o=? I=4\nIllegal option -:\no=? A=unset I=2\nend o=? I=2\no=b A=: I=2\no=: A= I=3\no=? A=x I=3\nend o=? I=3\n',
    stderr: '',
    status: 0,
  },
  // ${unset#pat}: evalvar() expands the pattern with EXP_DISCARD, so nothing in it runs (no := assignment, no command substitution).
  {
    name: 'fx_trim_unset_discard',
    script: [
      'unset p u',
      'x=${p%${u:=set}}; echo "u=${u-unset} [$x]"',
      'x=${p#$(echo side effect)}; echo "[$x]"',
      'x="${p##$(echo side >&2)}"; echo "[$x]"',
      'echo "${p%%${n=1}}" "${n-unset}"',
      'p=',
      'x=${p%${u:=set}}; echo "u=${u-unset}"',
      'set --',
      'x=${@%${v:=set}}; echo "v=${v-unset}"',
    ],
    stdout: 'u=unset []\n[]\n[]\n unset\nu=set\nv=set\n',
    stderr: '',
    status: 0,
  },
  // A here-document still pending at the ')' of $( ) is read from an empty string (parsebackq()'s setinputstring(nullstr)): empty body.
  {
    name: 'fx_cmdsub_heredoc_pending',
    script: [
      'echo $(cat <<E) }',
      'a',
      'E',
      'echo next',
      'x=$(cat <<E; echo in)',
      'echo "[$x]"',
      'y=$(cat <<E',
      'body',
      'E',
      ')',
      'echo "[$y]"',
    ],
    stdout: '}\nnext\n[in]\n[body]\n',
    stderr: '/tmp/dd/case.sh: 2: a: not found\n/tmp/dd/case.sh: 3: E: not found\n',
    status: 0,
  },
  // ~ with HOME empty: exptilde() writes nothing, so an unquoted word that was only ~ is removed.
  {
    name: 'fx_tilde_empty_home',
    script: [
      'p() { printf \'<%s>\' "$@"; echo " $#"; }',
      'HOME=',
      'p ~ ~/a "~" x',
      'set -- ~; echo $#',
      'for i in a ~ b; do printf \'[%s]\' "$i"; done; echo',
      'x=~; p "$x"',
      'p ${u:-~}',
    ],
    stdout: '</a><~><x> 3\n0\n[a][b]\n<> 1\n<> 0\n',
    stderr: '',
    status: 0,
  },
  // Field splitting right after a quoted "$@": ifsbreakup()'s afternul keeps IFS whitespace from merging or being skipped in that region.
  {
    name: 'fx_afternul_split',
    script: [
      'p() { printf \'<%s>\' "$@"; echo " $#"; }',
      'set -- \'x  y\' \'\' \'z\'',
      'x=\'  a  b  \'',
      'p "$@"$1',
      'p "$@"$x',
      'p "$@"abc$x',
      'p "$@""q"$x',
      'p "$@"$(echo "$x")',
      'p "$@"$((1))$x',
      'p "$@"$x$x',
      'p $x"$@"$x',
      'p "$@"${u:-$x}',
      'IFS=:',
      'y=\'::a::\'',
      'p "$@"$y',
      'IFS=\' :\'',
      'p "$@"$x$y',
      'unset IFS',
      'set -- a \'\'',
      'p "$@"$x',
      'set --',
      'p "$@"$x',
    ],
    stdout: '<x  y><><zx><><y> 5\n<x  y><><z><><a><><b><> 8\n<x  y><><zabc><><a><><b><> 8\n<x  y><><zq><><a><><b><> 8\n<x  y><><z><><a><><b><> 8\n<x  y><><z1><a><b> 5\n<x  y><><z><><a><><b><><a><b> 10\n<a><b><x  y><><z><><a><><b><> 10\n<x  y><><z><><a><><b><> 8\n<x  y><><z><><a><> 6\n<x  y><><z><><a><><b><><><><a><> 12\n<a><><><a><><b><> 7\n<a><b> 2\n',
    stderr: '',
    status: 0,
  },
  // Infinite recursion: "Maximum function recursion depth (1000) reached" (Debian dash 0.5.12), fatal, at the recursive call's line.
  {
    name: 'fx_funcnest',
    script: [
      'f() { f; }',
      'f',
      'echo st=$?',
    ],
    stdout: '',
    stderr: '/tmp/dd/case.sh: 1: Maximum function recursion depth (1000) reached\n',
    status: 2,
  },
  // The same in subshells (the subshell exits 2) and at a later line.
  {
    name: 'fx_funcnest2',
    script: [
      'n=0',
      'f() { n=$((n+1)); f; }',
      '(f); echo "st=$?"',
      'g() { echo deep; g; }',
      '(g > /dev/null); echo "st=$?"',
      'h() {',
      '  h',
      '}',
      'h',
      'echo not reached',
    ],
    stdout: 'st=2\nst=2\n',
    stderr: '/tmp/dd/case.sh: 2: Maximum function recursion depth (1000) reached\n/tmp/dd/case.sh: 4: Maximum function recursion depth (1000) reached\n/tmp/dd/case.sh: 7: Maximum function recursion depth (1000) reached\n',
    status: 2,
  },
  // Nesting short of the limit works at any depth: 999 levels, locals and return statuses unwound
  // through 900, a subshell status through 800, command substitutions at 700 in a pipeline, exit
  // from 950 levels with an EXIT trap (the JS stack used to end near 500).
  {
    name: 'fx_deep_functions',
    script: [
      'f() { if [ $1 -lt 999 ]; then f $(($1 + 1)); else echo "deep $1"; fi; }',
      'f 0; echo "st=$?"',
      'sum() { local n=$1; if [ $n -eq 0 ]; then r=0; return 0; fi; sum $((n - 1)); r=$((r + n)); return $((n % 7)); }',
      'sum 900; echo "sum=$r st=$? n=${n-unset}"',
      'g() { if [ $1 -eq 0 ]; then (exit 4); return; fi; g $(($1 - 1)); }',
      'g 800; echo "g=$?"',
      'h() { if [ $1 -eq 0 ]; then echo "sub $(echo in) $(h2)"; return; fi; h $(($1 - 1)); }',
      'h2() { echo h2; }',
      'h 700 | cat',
      'trap \'echo "exit trap $?"\' EXIT',
      'e() { if [ $1 -eq 0 ]; then exit 3; fi; e $(($1 - 1)); echo never; }',
      'e 950',
    ],
    stdout: 'deep 999\nst=0\nsum=405450 st=4 n=unset\ng=4\nsub in h2\nexit trap 3\n',
    stderr: '',
    status: 3,
  },
  // set -e failing 600 levels down, in a pipeline's subshell and then in the shell itself.
  {
    name: 'fx_deep_set_e',
    script: [
      'set -e',
      'f() { if [ $1 -eq 0 ]; then false; echo notreached; fi; f $(($1 - 1)); echo "back $1"; }',
      'f 600 | tail -n 2',
      'echo "pipe st=$?"',
      'f 600',
      'echo never',
    ],
    stdout: 'pipe st=0\n',
    stderr: '',
    status: 1,
  },
];

describe('sh where it differed from dash 0.5.12', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(run(c)).toEqual({ stdout: c.stdout, stderr: c.stderr, status: c.status });
  });
});
