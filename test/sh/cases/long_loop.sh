i=0
s=0
while [ $i -lt 300 ]; do
  s=$((s + i))
  i=$((i + 1))
done
echo $s
for i in 1 2 3 4 5 6 7 8 9 10; do
  for j in 1 2 3 4 5 6 7 8 9 10; do
    : $((s += i * j))
  done
done
echo $s
