unset PATH
echo builtin works
cat /dev/null
echo "cat status $?"
/bin/cat /dev/null && echo "absolute ok"
