echo `echo a \`echo b\` c`
echo "`echo "q1"`"
x=`printf '%s' "\\\\"`
echo "$x"
echo `echo \$HOME` | cat > /dev/null
echo `echo '$x'`
