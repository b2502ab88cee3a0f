exec 6>f6
echo six >&6
exec 6>&-
cat f6
exec 0</dev/null
read x
echo "read from null: $?"
{ echo to-stdout; echo to-stderr >&2; } > both 2>&1
cat both
echo ok 2>&1 >/dev/null
ls_like() { echo "out"; echo "err" >&2; }
ls_like 2>&1 | cat
ls_like 2>/dev/null
