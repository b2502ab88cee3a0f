cd() { echo "my cd $*"; }
cd /tmp
command cd /
pwd
unset -f cd
cd /tmp && pwd
echo() { builtin_echo_gone; }
unset -f echo
echo restored
true() { return 1; }
true; echo "true fn $?"
command true; echo "command true $?"
