set -- -a -b val -cd -- rest
while getopts ab:cd opt; do
  echo "opt=$opt arg=${OPTARG-unset} ind=$OPTIND"
done
shift $((OPTIND - 1))
echo "rest: $*"
OPTIND=1
set -- -x -b
while getopts :ab: opt; do echo "silent opt=$opt arg=$OPTARG"; done
OPTIND=1
set -- -z -b
while getopts ab: opt; do echo "loud opt=$opt"; done
OPTIND=1
while getopts a opt -a -a; do echo "explicit $opt"; done
