f() { echo "f called with $# args: $*"; return 3; }
f a b
echo "status $?"
g() {
  local x=inner
  echo "g $x"
  x=changed
}
x=outer
g
echo "after g $x"
h() { echo "h$1"; [ "$1" -gt 0 ] && h $(($1 - 1)); return 0; }
h 3
nested() { inner() { echo inner-def; }; inner; }
nested
inner
r() { return; }
false; r; echo "r status $?"
c() { echo "\$0=$0 \$1=$1"; }
c arg
echo "outer \$1=${1-unset}"
k() echo simple-body
k
fn_with_redir() { echo to-stderr; } >&2
fn_with_redir 2>/dev/null
echo done
