trap 'echo caught' 99
echo $?
trap - NOPE
echo $?
trap
