n=0
for f in a b c d e; do
  n=$((n + 1))
  [ $((n % 2)) -eq 0 ] && echo "even $f"
done
echo "total $n"
set -- $(echo 1 2 3)
echo "$# args: $*"
x=$(printf '%s\n' a b c)
set -- $x
echo "$#"
