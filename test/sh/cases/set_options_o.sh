set -o errexit
echo "$-"
set +o errexit
set -o | head -1 >/dev/null 2>&1
set +o | cat | while read a b c; do case $c in errexit|noglob|nounset) echo "$a $b $c";; esac; done
set -o noglob
echo "$-"
set -a
v=exported
sh -c 'echo "allexport v=$v"'
