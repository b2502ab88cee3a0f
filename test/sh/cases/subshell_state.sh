a=1
f() { echo fn; }
(
  a=2
  f() { echo fn2; }
  f
  cd /
  echo "in: $a $PWD"
)
f
echo "out: $a"
pwd
(set -e; false; echo no)
echo "sub -e $?"
(exit 1) || echo "or after subshell"
