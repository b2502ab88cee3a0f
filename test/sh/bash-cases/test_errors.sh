# Every message of bash's test.c, with the exit status 2.
test -v x = y; echo $?
test x -v y; echo $?
test 1 -a 2 -a; echo $?
test a b c; echo $?
[ a = ]; echo $?
test a b; echo $?
test -q x; echo $?
test -foo x; echo $?
test x y z w; echo $?
test '(' x; echo $?
test '(' x y; echo $?
test '(' x y z w; echo $?
test '(' x -a y z; echo $?
test '(' x -a y; echo $?
[ '(' x -a y ]; echo $?
test x -a; echo $?
test -n x -a; echo $?
test x -o y -a; echo $?
test ! ! ! ! !; echo $?
test x = y z; echo $?
test x = y -a z -q w; echo $?
test x = y -a; echo $?
test 1 -eq a; echo $?
test a -eq 1; echo $?
test a -eq b; echo $?
test '' -lt 1; echo $?
test 1 -gt x -a y; echo $?
test 99999999999999999999 -gt 1; echo $?
test 0x10 -eq 16; echo $?
test 1.5 -le 2; echo $?
test x -a y -b; echo $?
test x -a y z; echo $?
test -z x y z; echo $?
test -e; echo $?
test x -nt; echo $?
test '(' '(' x ')'; echo $?
test '(' x ')' ')'; echo $?
test '(' x ')' y; echo $?
test ! '(' x; echo $?
test x '(' y ')' z; echo $?
