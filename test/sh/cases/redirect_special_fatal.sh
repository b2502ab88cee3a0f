echo before
: > /nonexistent/x
echo "colon failed $?"
true > /nonexistent/y
echo "true failed $?"
