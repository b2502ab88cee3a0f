x=world
cat <<EOF
hello $x
  indented \$x `echo bq`
$(echo sub) $((1+1))
"quotes" 'single'
EOF
cat <<'EOF'
literal $x `echo no`
EOF
cat <<"E"
also literal $x
E
cat <<-EOF
	tab stripped $x
		two tabs
	EOF
cat <<EOF; echo after
same line
EOF
cat <<A; cat <<B
first
A
second
B
cat <<EOF
backslash \
continued
EOF
cat <<EOF
EOF
echo end
