trap 'echo "got TERM"' TERM
kill $$
echo "continued"
trap - TERM
(kill -TERM $$; echo not-here) 
echo "subshell status $?"
