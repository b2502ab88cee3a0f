parse() {
  OPTIND=1
  while getopts "ab:c" o "$@"; do
    case $o in
      a) echo "A";;
      b) echo "B=$OPTARG";;
      c) echo "C";;
      \?) echo "bad";;
    esac
  done
  echo "OPTIND=$OPTIND"
}
parse -a -b x -c
parse -abx -c rest
parse -ab
parse -x
parse -- -a
parse notopt -a
parse -
f() { getopts a o; echo "$? $o $OPTIND"; getopts a o; echo "$? $o $OPTIND"; }
f -a
