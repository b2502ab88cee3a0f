read a b c <<EOF
one two three four
EOF
echo "[$a] [$b] [$c]"
read x <<EOF
  leading and trailing  
EOF
echo "[$x]"
IFS=: read p q <<EOF
a:b:c
EOF
echo "[$p] [$q]"
read -r raw <<'EOF'
back\slash\n
EOF
echo "[$raw]"
read cooked <<'EOF'
back\slash \
continued
EOF
echo "[$cooked]"
read one two <<EOF
single
EOF
echo "[$one] [$two]"
echo "no newline" | { read v; echo "status $? [$v]"; }
printf 'partial' | { read v; echo "status $? [$v]"; }
read nothing < /dev/null
echo "eof status $?"
IFS=: read a b <<EOF
x:y:z:
EOF
echo "[$a] [$b]"
