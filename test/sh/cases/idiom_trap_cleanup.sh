tmp=./scratch.$$
cleanup() { rm_like "$tmp"; echo "cleaned"; }
rm_like() { : ; }
trap cleanup EXIT
trap 'echo interrupted; exit 130' INT TERM
echo work > "$tmp"
cat "$tmp"
