# bash's kill (options, -l table and lookups, messages), disown, logout.
kill -l | head -3
kill -l 9 137 SIGKILL kill
kill -l 99
kill -s bogus 1; echo "bogus $?"
kill 99999; echo "esrch $?"
kill; echo "usage $?"
kill -n 0 $$; echo "n0 $?"
kill -9; echo "nopid $?"
kill %1; echo "nojob $?"
kill -s; echo "noarg $?"
kill abc; echo "abc $?"
sleep 10 & kill %1; echo "job $?"
wait; echo "waited $?"
sleep 1 & disown; jobs; echo "disowned"
disown; echo "disown $?"
logout; echo "logout $?"
