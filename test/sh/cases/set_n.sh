echo before
set -n
echo notrun
nosuch command
