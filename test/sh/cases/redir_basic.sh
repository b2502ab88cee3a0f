echo one > f1
echo two >> f1
cat f1
cat < f1
echo err >&2
echo err2 1>&2 2>/dev/null
{ echo a; echo b >&2; } 2>&1 | cat
exec 3> f2
echo via3 >&3
exec 3>&-
cat f2
exec 4< f1
read line <&4
echo "read: $line"
exec 4<&-
echo rw <> f3
cat f3
echo clobber >| f1
cat f1
: > empty
cat empty
cat < nonexistent
echo "status $?"
echo x > /nonexistent/dir/file
echo "status $?"
echo >&7
echo "status $?"
