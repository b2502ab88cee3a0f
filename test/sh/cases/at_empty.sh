set --
for a in "$@"; do echo "never $a"; done
echo "count: $#"
set -- "$@" x
echo "$#"
set --
f() { echo "n=$#"; }
f "$@"
f "$@" ""
f ""$@
f x"$@"y
set -- "" ""
f "$@"
f $@
f $*
f "$*"
set -- a "" b
f $@
f "$@"
