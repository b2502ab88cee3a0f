f() {
  local -
  set -e
  echo "in f: $-"
}
echo "before: $-"
f
echo "after: $-"
g() { local a=1 b; b=2; echo "$a $b"; }
g
echo "[${a-}] [${b-}]"
h() { local x; echo "h sees [${x-unset}]"; }
x=outer
h
