# bash's set -o / set +o listings, option errors and $-.
set -o
set +o | head -5
echo "$-"
set -o errtrace -o functrace
echo "$-"
set +ET
set -o bogus
echo "status $?"
set -Q
echo "status $?"
set -o noclobber
echo "$-"
echo "$SHELLOPTS"
set +C
shopt -s nullglob
echo "$BASHOPTS"
