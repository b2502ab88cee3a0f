trap 'echo EXIT main' EXIT
( exit 3 )
echo "sub $?"
x=$(exit 4; echo no)
echo "cmdsub $? [$x]"
f() { return 5; }
f
echo "f $?"
exit
