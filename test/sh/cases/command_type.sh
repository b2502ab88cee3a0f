type echo
type :
type cat
type nosuchthing
echo "status $?"
type if
f() { :; }
type f
command -v echo
command -v cat
command -v f
command -v nosuch
echo "status $?"
command -V cd
command echo via command
command nosuch 2>/dev/null
echo "status $?"
type cat
