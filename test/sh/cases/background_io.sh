read x &
wait
echo "bg read status $?"
echo done
