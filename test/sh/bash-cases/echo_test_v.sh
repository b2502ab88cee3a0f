# bash's echo -e takes octal only as \0nnn (\101 stays as typed; printf %b takes both);
# its test builtin has -v NAME (a variable or an array element is set).
printf '%b|' '\101' '\0101' '\1' '\08' '\0' | od -c
echo -e '\0101|\01|\1|\18|\0|\7x' | od -c
x=1; test -v x && echo set; test -v nope || echo unset
a=(1 2); [ -v "a[1]" ] && echo el; [ -v 'a[5]' ] || echo noel
test -v; echo $?
test -v x -a -v nope; echo $?
test ! -v nope && echo neg
[ -v ]; echo $?
