# bash's ERR, RETURN and DEBUG traps, set -E / -T inheritance, trap -p and listing.
trap 'echo "ERR at $LINENO status $?"' ERR
false
echo "after false $?"
f() { false; echo "in f"; }
f
g() { return 3; }
g
if false; then :; fi
false || true
! false
false && true
echo "--- errtrace"
set -E
f
( false )
echo "$(false; echo sub)"
set +E
trap - ERR
echo "--- return"
r() { trap 'echo "returning from ${FUNCNAME[0]}"' RETURN; echo body; }
r
r2() { echo plain; }
r2
trap -p RETURN
trap - RETURN
echo "--- debug"
trap 'echo "dbg: $BASH_COMMAND"' DEBUG
x=1
echo "x=$x"
trap - DEBUG
echo "--- listing"
trap 'echo int' INT
trap '' TERM
trap 'echo bye' EXIT
trap
trap -p TERM INT
trap - INT TERM
trap 'echo' sigusr1
trap -p USR1
trap x BOGUS
echo "bogus $?"
trap -l | head -2
