printf 'l1\nl2\nl3\n' > data
while read line; do
  echo "line: $line"
done < data
n=0
while read l; do n=$((n+1)); done < data
echo "count $n"
cat data | while read l; do echo "piped $l"; done
