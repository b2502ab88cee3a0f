cat <<< "hello world"
read a b <<< "one two"
echo "$a|$b"
x=value
cat <<<$x
grep -c . <<< "a" 2>/dev/null || echo nogrep
