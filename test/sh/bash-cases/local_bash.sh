x=global
f() {
  local x
  echo "[${x-unset}]"
  local y=1 z
  z=2
  echo "$y $z"
}
f
echo "$x [${y-}]"
local q=1
echo "status $?"
