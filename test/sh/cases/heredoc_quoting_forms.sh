x=X
cat <<E\OF
$x
EOF
cat <<"E"OF
$x
EOF
cat <<E''OF
$x
EOF
cat <<'EOF' | cat
a\b $x `c`
EOF
cat <<EOF
tab	here $x\
joined
EOF
