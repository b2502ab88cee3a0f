set -- a b c
echo $# $*
set --
echo $#
set -- -x y
echo $1 $2
echo "$-"
set -e -u
echo "$-"
set +eu
echo "[$-]"
