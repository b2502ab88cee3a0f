usage() { echo "usage: $0 [-v] file" >&2; exit 2; }
verbose=0
while [ $# -gt 0 ]; do
  case $1 in
    -v) verbose=1; shift;;
    --) shift; break;;
    -*) usage;;
    *) break;;
  esac
done
[ $# -eq 1 ] || usage
echo "verbose=$verbose file=$1"
