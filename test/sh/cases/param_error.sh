echo before
unset x
echo ${x?custom message here}
echo after
