f() { break; }
for i in 1 2 3; do
  echo $i
  f
done
echo "after"
g() { return 7; echo no; }
for i in a b; do g; echo "g $?"; done
