x=1
(x=2; echo "inner $x")
echo "outer $x"
(exit 5); echo "status $?"
( cd /; pwd )
pwd | cat >/dev/null
(echo a; echo b) | cat
{ echo g1; echo g2; } > out
cat out
