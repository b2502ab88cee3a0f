printf '3 c\n1 a\n2 b\n' | while read n l; do
  echo "$l=$n"
done
echo "last n in subshell: ${n-unset}"
total=0
while read n l; do total=$((total+n)); done <<EOF
3 c
1 a
2 b
EOF
echo "total=$total"
