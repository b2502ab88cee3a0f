x=1
export x
sh -c 'echo "child sees x=$x"'
y=2 sh -c 'echo "prefix y=$y"'
echo "after prefix y=${y-unset}"
export z=3
sh -c 'echo "z=$z"'
unset x
sh -c 'echo "x unset: ${x-yes}"'
readonly r=5
echo $r
export -p | grep -c '^export' >/dev/null 2>&1
echo ok
