# files: f.txt d/x
t() { "$@"; echo "$*: $?"; }
t test -n abc
t test -z ''
t test abc
t test ''
t [ a = a ]
t [ a != b ]
t [ 1 -eq 1 ]
t [ 2 -gt 1 ]
t [ 1 -lt 2 -a 3 -ge 3 ]
t [ 1 -gt 2 -o 2 -le 2 ]
t [ ! -f nofile ]
t [ -f f.txt ]
t [ -d d ]
t [ -e d/x ]
t [ -s f.txt ]
t [ \( 1 = 1 \) ]
t [ a \< b ]
t test
t [ -x d ]
t [ abc -eq 1 ]
t [ 1 -eq ]
t [ a
t [ a = b = c ]
