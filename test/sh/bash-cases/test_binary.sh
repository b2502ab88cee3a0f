# files: a b
# The binary operators of bash's test (binary_test) and its integers (legal_number).
t() { test "$@"; echo "$*:$?"; }
t x = x; t x = y; t x == x; t x == y; t x != x; t x != y; t '' = ''
t a '<' b; t b '<' a; t a '>' b; t b '>' a; t A '<' a; t ab '<' a; t '' '<' a
t 'x*' = xy; t x '=~' x
t 1 -eq 1; t 1 -eq 2; t 1 -ne 2; t 1 -ne 1; t 1 -lt 2; t 2 -lt 1; t 1 -le 1; t 2 -le 1
t 2 -gt 1; t 1 -gt 2; t 1 -ge 1; t 1 -ge 2
t ' 1' -eq 1; t '1 ' -eq 1; t ' 	1	 ' -eq 1; t +1 -eq 1; t -1 -lt 0; t -0 -eq 0; t 007 -eq 7
t 9223372036854775807 -gt 0; t -9223372036854775808 -lt 0
t a -nt nope; t nope -nt a; t nope -nt nope2; t a -ot nope; t nope -ot a; t nope -ot nope2
t a -nt a; t a -ot a; t a -ef a; t a -ef b; t a -ef nope; t nope -ef nope
ln -s a la; ln a ha
t la -ef a; t ha -ef a; t . -ef "$PWD"
t x -eq 1; echo end
