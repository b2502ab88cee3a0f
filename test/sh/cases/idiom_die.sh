die() { echo "error: $*" >&2; exit 1; }
check() { [ -n "$1" ] || die "missing argument"; echo "ok $1"; }
check value
check
echo never
