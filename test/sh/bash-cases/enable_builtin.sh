# enable: the builtin table, -n turns a builtin off (PATH lookup again), -s special builtins
enable | head -5
enable -s
enable -n echo test
type echo
type -t test
enable -n
enable -a | grep -e -n
builtin echo x
echo "builtin: $?"
enable -n nosuch
echo "nosuch: $?"
enable -d echo
echo "d: $?"
enable -f ./nofile.so x
echo "f: $?"
enable -x
echo "x: $?"
enable echo
type echo
enable -ps
enable -n cd
enable -ns
cd /
echo "cd: $?"
enable -n enable
enable enable
echo "enable: $?"
