echo 'echo "sourced with $# args: $*"; lib_var=1' > lib.sh
source ./lib.sh a b
. ./lib.sh
echo "lib_var=$lib_var"
