# Empty lists in double quotes: "${a[@]}", "${@:1}", "${a[@]/x/y}", "${!a[@]}" make no word, as "$@" does;
# an empty list is unset for - + = ?, and a used default keeps its quotes ("${@-}" is one empty word).
a=(); echo "[${a[*]-d}]" "[${a[*]+p}]"; set --; echo "[${@-d}]" "[${*-d}]" "[${@+p}]"; set -- "${@+p}"; echo $#; set -- "${a[*]+p}"; echo $#; set -- ${a[@]+p}; echo $#; b=(""); set -- "${b[@]+p}"; echo $# $1; set -- "${b[@]-d}"; echo $# "[$1]"
set --; set -- "${@-}"; echo $#
set --; set -- "${a[@]-}"; echo $#
set --; set -- "${*-}"; echo $#
set --; set -- "${@:-}"; echo $#
set -- ""; set -- "${@:-d}"; echo $# "$1"
set -- "" ""; set -- "${@:-d}"; echo $# "$1"
set -- "" ""; set -- "${*:-d}"; echo $# "$1"
a=(); set -- "${a[@]}"; echo $#
set -- "${a[*]}"; echo $#
set --; set -- "${@:1}"; echo $#
set -- "${a[@]/x/y}"; echo $#
set -- "${a[@]#x}"; echo $#
set -- "${!a[@]}"; echo $#
set -- "${a[@]}"""; echo $#
set -- "${a[@]}x"; echo $#
set -- "${#a[@]}"; echo $#
set -- "${a[@]:-d}"; echo $# "$1"
set -- "${a[@]-d}"; echo $# "$1"
set -- "${a[@]+d}"; echo $#
set -- "${a[@]^^}"; echo $#
set -- "${a[@]@Q}"; echo $#
set -- "${!nosuchprefix@}"; echo $#
set -- "${!nosuchprefix*}"; echo $#
b=(1 '' 3); set -- "${b[@]}"; echo $#
set -- "${b[@]:1:1}"; echo $# "[$1]"
set -- "${b[@]:5}"; echo $#
f() { echo $#; }; f "${a[@]}" "${b[@]}"
set -- x; set -- "${@:2}"; echo $#
set -- "${@}"; echo $#
set -- "$@"; echo $#
unset u; set -- "${u[@]}"; echo $#
declare -A m=(); set -- "${m[@]}"; echo $#
echo "${x@U}" end
set --; echo "${@?unset}"; echo never
