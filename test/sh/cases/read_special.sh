printf 'a b\nc d\n' | { read x; read y; echo "[$x][$y]"; }
echo 'one
two' | (read a; cat)
read < /dev/null; echo "no var: $?"
read a b c <<EOF
only
EOF
echo "[$a][$b][$c]"
read -p 'prompt> ' v <<EOF
val
EOF
echo "[$v]"
read -x v 2>&1 </dev/null
echo "bad opt status $?"
