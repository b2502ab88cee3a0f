# bash's test by argument count (test.c posixtest): 0, 1, 2, 3, 4 arguments, then expr().
t() { test "$@"; echo "$#:$?"; }
t
t ''
t x
t -n
t -z
t !
t '('
t -t
t ! ''
t ! x
t ! !
t -n ''
t -z ''
t -n x
t -z x
t -t 9
t '(' ')'
t x = x
t x != x
t ! -z x
t ! -n ''
t '(' x ')'
t '(' '' ')'
t '(x' '' ')y'
t '(x' y ')y'
t x -a ''
t x -o ''
t '' -a x
t '' -o ''
t '' -o x
t ! '' ''
t ! x ''
t ! -z ''
t ! x = y
t ! x = x
t ! '' -a x
t ! ! x
t ! -n ''
t '(' -n x ')'
t '(' -z x ')'
t '(' ! x ')'
t '(' ! '' ')'
t -n x -a -z ''
t x = x -a y
t ! ! ! x
t ! ! ! ''
t '(' x = x ')'
t '(' x = y ')'
t ! '(' x ')' 
t x -a y -o ''
t ! x -a ! y
t '(' x ')' -a '(' '' ')'
t ! '(' '' -o x ')'
t -t 1 -o x
t -t -a x
t -t x -o y
