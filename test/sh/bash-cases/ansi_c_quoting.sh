printf '%s|' $'a\tb' $'it\'s' $'\x41\101' $'\u00e9' $'\u0041' $'q\"' $'back\\slash'; echo
IFS=$'\n'
x=$(printf 'a b\nc d')
for i in $x; do echo "[$i]"; done
unset IFS
echo $"dollar dq"
echo "$'not ansi in dq'"
x=$'\e[1m'; echo ${#x}
y=$'\cA'; echo ${#y}
case $'\t' in $'\t') echo tab-matches;; esac
