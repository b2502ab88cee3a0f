outer() {
  local v=outer
  inner() { echo "inner sees $v"; v=changed-by-inner; }
  inner
  echo "outer now $v"
}
v=global
outer
echo "global now $v"
