f() { exit 4; }
(f); echo "sub $?"
sh -c 'exit 300'; echo "big $?"
sh -c 'kill -9 $$'; echo "killed $?"
sh -c 'exit' ; echo "plain $?"
(false; exit); echo "inherit $?"
exit 7
