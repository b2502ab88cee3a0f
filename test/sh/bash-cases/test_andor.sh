# -a binds tighter than -o; ! applies to the next term; ( ) group; all in expr/or/and/term.
t() { test "$@"; echo "$*:$?"; }
t x -o '' -a ''
t '' -a x -o x
t '' -o x -a x
t x -a '' -o ''
t '' -a '' -o x -a x
t ! '' -a ! ''
t ! x -o x
t ! '(' x -o '' ')' -o x
t '(' '' -o x ')' -a '(' x -o '' ')'
t '(' '(' x ')' ')'
t '(' '(' '' ')' -o x ')'
t ! ! '' -o ''
t x = x -a y != y -o 1 -eq 1
t -n x -a -z '' -a x
t -n -a -n
t -z -a -z
t -e -a x
t -n -o -z
t x -a -n
t -z -o x
t '(' -n ')'
t '(' ! ')'
t = = =
t = = = -a x
t '(' = ')'
t ! = x
t -a -a -a
t -o -o -o
t '(' -a ')'
t '(' -o ')' -a x
t x -a y -a z -o ''
t 1 -eq 1 -a 2 -gt 1 -a '' -o a '<' b
