wc -l <<< "one"
cat <<<"multi
line"
while read -r a; do echo "[$a]"; done <<< "x y"
x=$(cat <<< 'q $HOME')
echo "$x"
