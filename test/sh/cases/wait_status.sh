sh -c 'exit 3' &
p=$!
wait $p
echo "wait $?"
sh -c 'kill -9 $$' &
wait $!
echo "killed $?"
trap 'echo got usr1' USR1
sleep 2 &
(sleep 0; kill -USR1 $$) &
wait
echo "wait interrupted $?"
