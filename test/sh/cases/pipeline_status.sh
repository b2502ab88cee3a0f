false | true
echo $?
true | false
echo $?
sh -c 'exit 3' | sh -c 'exit 4'
echo $?
! sh -c 'exit 3' | true
echo $?
echo a | (read x; echo "sub $x"; exit 2)
echo $?
