cat <<EOF | cat
piped heredoc
EOF
f() {
  cat <<EOF
in function $1
EOF
}
f arg
cat <<-'X'
	quoted stripped $notexpanded
	X
cat <<EOF
$(echo "cmd")\$escaped \\ \` \" "
EOF
a=1; cat <<EOF
${a:+set} ${b:-unset} $((a+1))
EOF
cat <<E1; cat <<E2
one
E1
two
E2
while read l; do echo "[$l]"; done <<EOF
x y
  z
EOF
cat <<EOF >out.txt
to file
EOF
cat out.txt
