echo hello | cat
echo a | cat | cat
! true; echo $?
! false; echo $?
true | false; echo $?
false | true; echo $?
echo x | { read v; echo "got $v"; }
echo out | (cat; echo more)
x=1; echo | x=2; echo $x
