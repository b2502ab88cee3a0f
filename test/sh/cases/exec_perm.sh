# files: noexec.sh script.sh:755
echo 'echo from script $1' > script.sh
./script.sh arg
echo "status $?"
./noexec.sh
echo "status $?"
echo 'echo via enoexec' > noexec.sh
./noexec.sh
echo "status $?"
