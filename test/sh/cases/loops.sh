for i in 1 2 3; do echo "for $i"; done
for i; do echo "arg $i"; done
set -- p q
for i do echo "arg2 $i"; done
i=0
while [ $i -lt 3 ]; do echo "while $i"; i=$((i+1)); done
until [ $i -eq 0 ]; do echo "until $i"; i=$((i-1)); done
for i in 1 2 3 4 5; do
  [ $i = 2 ] && continue
  [ $i = 4 ] && break
  echo "bc $i"
done
for a in x y; do
  for b in 1 2 3; do
    [ $b = 2 ] && continue 2
    echo "$a$b"
  done
done
for a in x y; do
  for b in 1 2; do
    echo "$a$b"; break 2
  done
done
echo "after $?"
while false; do :; done; echo "w $?"
for x in; do echo no; done; echo "empty for $?"
break
echo "break outside ok"
