echo start
nosuchcommand arg
echo "status $?"
/no/such/path
echo "status $?"
./relative_missing
echo "status $?"
