i=0
while true; do
  i=$((i+1))
  if [ $i -ge 3 ]; then break; fi
done
echo "i=$i status=$?"
while false; do :; done
echo "w=$?"
for x in a; do false; done
echo "for=$?"
until true; do :; done
echo "until=$?"
f() { while true; do return 7; done; }
f
echo "return from loop $?"
g() { for x in 1 2; do echo $x; break 5; done; echo "after loop"; }
g
