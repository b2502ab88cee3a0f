set -e
f() { false; echo "f continues in &&-context"; }
f && echo "f ok"
if false; then :; fi
false || true
! false
x=$(false) || echo "cmdsub failed"
echo before
false
echo never
