# [ wants its own "]" as the last word; the messages name "[".
[; echo $?
[ ]; echo $?
[ x; echo $?
[ x ]]; echo $?
[ x ] ]; echo $?
[ ] ]; echo $?
[ ']' ]; echo $?
[ '' ]; echo $?
[ -n ]; echo $?
[ ! ]; echo $?
[ a b ]; echo $?
[ a b c ]; echo $?
[ '(' x -a y ]; echo $?
[ '(' x ]; echo $?
[ '(' ]; echo $?
[ 1 -eq 1 ]; echo $?
[ 1 -eq x ]; echo $?
[ x = x -a '(' y ]; echo $?
test; echo $?
test ]; echo $?
[ x = y -o x = x ]; echo $?
[ x -a ]; echo $?
