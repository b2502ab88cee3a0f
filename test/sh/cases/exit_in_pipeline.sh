echo a | exit 3
echo "status $?"
exit 4 | cat
echo "status $?"
(exit 5) | (exit 6)
echo "status $?"
