: ${VAR:=default}
echo "$VAR"
: ${OTHER=}
echo "[$OTHER]"
NAME=${1:-anonymous}
echo "hello $NAME"
DIR=${TMPDIR:-/tmp}
echo "$DIR"
