x=1
readonly x
x=2 echo "prefix on builtin"
echo never
