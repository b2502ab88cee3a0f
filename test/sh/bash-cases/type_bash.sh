type echo
type -t echo
type -t if
type -t cat
type -p cat
f() { :; }
type -t f
type nosuch
echo "status $?"
type -t nosuch
echo "status $?"
