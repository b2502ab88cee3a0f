trap 'echo "exit trap status $?"' EXIT
trap "echo late" EXIT
echo body
exit 3
