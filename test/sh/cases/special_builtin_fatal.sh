echo before
set -o nosuchoption
echo after
