set -- one two "three four"
echo $# "$1" "$3"
for a in "$@"; do echo "[$a]"; done
for a in $@; do echo "<$a>"; done
for a in "$*"; do echo "{$a}"; done
IFS=:
echo "$*"
for a in $*; do echo "($a)"; done
IFS=' 	
'
echo $0 | cat >/dev/null
echo $?
false; echo $?
set -- 1 2 3 4 5 6 7 8 9 10 11
echo $10 ${10} ${11}
