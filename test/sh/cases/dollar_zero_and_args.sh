# args: a b 'c d'
echo "${0##*/} $#"
for a; do echo "[$a]"; done
echo "$*"
echo "${1}${2}"
shift 2
echo "$1 $#"
