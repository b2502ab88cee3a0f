x=1
unset x
echo "${x-unset}"
f() { echo f; }
unset -f f
f
echo "status $?"
y=2
unset -v y
echo "${y-unset}"
unset nonexistent
echo ok
