sh -c 'kill -TERM $$'
echo "term $?"
sh -c 'kill -KILL $$'
echo "kill $?"
sh -c 'kill -INT $$'
echo "int $?"
sh -c 'kill -SEGV $$'
echo "segv $?"
sh -c 'kill -USR1 $$'
echo "usr1 $?"
sh -c 'kill -PIPE $$'
echo "pipe $?"
