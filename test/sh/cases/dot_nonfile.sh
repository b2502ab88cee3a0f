. /tmp
echo "status $?"
