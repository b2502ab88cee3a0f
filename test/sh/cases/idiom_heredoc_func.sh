gen() {
cat <<EOF
[$1]
value=$2
EOF
}
gen section 42
gen other "a b"
