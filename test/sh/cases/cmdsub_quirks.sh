echo "$(echo "a  b")"
echo $(echo "a  b")
x=`echo '\$HOME'`
echo "$x"
y=`echo "\\\\"`
echo "$y"
z=$(echo $(echo $(echo deep)))
echo $z
echo $(printf 'a\0b')
echo "$(printf 'trail\n\n')end"
echo $( : )empty
echo "`echo hello | cat`"
