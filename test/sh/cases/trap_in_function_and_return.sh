f() {
  trap 'echo trap in f' USR1
  kill -USR1 $$
  echo after kill in f
}
f
trap 'echo usr2; false' USR2
kill -USR2 $$
echo "status after trap $?"
