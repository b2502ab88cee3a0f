sleep 0 &
wait $!
echo "waited $?"
(exit 3) &
wait $!
echo "bg status $?"
true &
false &
wait
echo "all $?"
wait 99999
echo "unknown $?"
