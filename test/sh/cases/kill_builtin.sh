kill -l 2
kill -l 15
kill -l 137
kill -s TERM 99999
echo "status $?"
kill
echo "status $?"
sleep 5 &
kill $!
wait $!
echo "killed status $?"
