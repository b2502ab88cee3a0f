exec 3>&1
{ echo out; echo err >&2; } 2>&1 >/dev/null | cat
{ echo to3 >&3; } 3>/dev/null
echo via3 >&3
exec 3>&-
echo closed >&3
echo "status $?"
cat 0<&- 2>/dev/null
echo "stdin closed status $?"
echo x 1>&-
echo "stdout closed $?"
exec 5<>rw
echo data >&5
exec 5>&-
cat rw
(echo sub >&2) 2>&1 | cat
