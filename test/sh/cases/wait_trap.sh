trap 'echo trapped USR1' USR1
(sleep 1; echo late) &
kill -USR1 $$
wait
echo "wait done $?"
