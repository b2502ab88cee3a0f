nosuchcmd
echo "status $?"
cd /nonexistent
echo "cd status $?"
./nofile
echo "rel status $?"
echo ${x:?custom}
echo never
