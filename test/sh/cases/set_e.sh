set -e
echo one
false || echo "or ok"
if false; then :; fi
! true
false && true
echo two
f() { false; echo "not after false in f"; }
f || echo "f failed"
false
echo never
