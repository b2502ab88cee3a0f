x=global
f() {
  local x
  echo "in f before: [$x]"
  x=f
  g
  echo "in f after g: $x"
}
g() { echo "g sees $x"; x=g; }
f
echo "top: $x"
local y=1
echo "status $?"
