trap 'echo sig0' 0
trap 'echo one' 1
trap
trap - 1
trap '' 15
trap
kill -0 $$ && echo "kill -0 ok"
