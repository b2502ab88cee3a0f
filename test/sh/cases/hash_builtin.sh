hash
cat /dev/null
hash
hash -r
hash
hash nosuchcmd
echo "status $?"
type cat
