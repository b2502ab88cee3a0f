f() {
  echo start
  cd /nonexistent
  echo "cd status $?"
  shift 5
  echo not reached
}
f
echo not reached either
