trap 'echo x' INT
trap '' HUP
trap 'echo bye' EXIT
trap
trap - INT EXIT
trap
trap 'x' BADSIG
echo $?
trap 'x' SIGINT
