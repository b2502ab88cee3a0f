set -u
echo "${defined-ok}"
echo $undefined_var
echo never
