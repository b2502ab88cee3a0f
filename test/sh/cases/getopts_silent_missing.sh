set -- -a
while getopts :a: o; do
  case $o in
    :) echo "missing arg for $OPTARG";;
    \?) echo "bad $OPTARG";;
    *) echo "got $o";;
  esac
done
set -- -q
OPTIND=1
while getopts :a: o; do echo "o=$o OPTARG=$OPTARG"; done
