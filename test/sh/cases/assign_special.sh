a=1 b=2 c=$((a+b))
echo $a $b $c
x=$(echo "a  b")
echo "$x"
y=*
echo "$y"
z=$x
echo "$z"
PATH=/nope echo builtin-echo-ignores-path
echo $?
v=1 : 
echo "v after colon builtin: $v"
w=2 true
echo "w after regular builtin: ${w-unset}"
