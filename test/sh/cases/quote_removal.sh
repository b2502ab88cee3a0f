echo "a"'b'c\d
echo "'"'"'
echo "\$" '\$' \$ "\\" '\\' \\
echo "$"  $ "a$"
echo \'\"\\
echo a\
b
echo 'a\
b'
echo "a\
b"
x=\\
echo "$x" $x
echo "\q" \q '\q'
