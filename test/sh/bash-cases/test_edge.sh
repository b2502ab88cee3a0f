# files: f1
# args: a b
# Corners of bash's test: legal_number's blanks, operators as operands, -v on arrays and
# positionals, -N/-nt/-ot/-ef on one file, test and [ through command.
t() { test "$@"; echo "$#:$?"; }
t $'\n1' -eq 1; t $'1\n' -eq 1; t $'\t 1 \t' -eq 1; t ' ' -eq 0; t - -eq 0; t + -eq 0; t +-1 -eq -1
t 1 -eq ''; t 2 -ge 9223372036854775808; t -9223372036854775809 -le 0; t 1e3 -gt 1
t ! = !; t '(' = '('; t '(' ')' ')'; t = = ''; t -a = -a; t -o != -o; t -n = -n; t ')' -a '('
t -- ; t -- x; t -n --; t - ; t -; t '-' -a '-'
t '' '' ''; t x '' y; t ! '' x y
declare -A h=([k]=v); declare -A h0=([0]=z); b=(); c=([3]=x); declare -a u
t -v h; t -v h0; t -v 'h[k]'; t -v 'h[q]'; t -v b; t -v c; t -v 'c[3]'; t -v u; t -v 'c[*]'
set -- 1 2 3; t -v 3; t -v 4; t -v '3 '; t -v +3; t -v $'\t2'
t -N f1; t f1 -nt f1; t f1 -ot f1; t f1 -ef ./f1; t f1 -ef /tmp/khsh/t/f1
command [ x = x ]; echo $?
command test 1 -lt x; echo $?
if [ -n x -a -z '' ]; then echo yes; fi
[ ! -e nope ] && [ -e f1 ] && echo both
test ! '(' -e f1 ')' || echo paren
