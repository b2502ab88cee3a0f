f() { printf '<%s>' "$@"; echo " $#"; }
set -- 'a b' 'c d'
f "$@"
f "x$@y"
f "$@$@"
f "$*"
f $*
f "${@}"
f "${@:-none}"
set --
f "${@:-none}"
f "${@-none}"
f "$@" "$@"
f "pre$@"
IFS=,
set -- a b
f "$*"
f $*
IFS=
f "$*"
unset IFS
f "$*"
