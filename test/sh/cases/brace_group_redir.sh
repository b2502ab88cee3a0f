{ echo a; echo b; } > gr
cat gr
{ echo c; } 2>/dev/null >> gr
cat gr
if true; then echo in-if; fi > ifout
cat ifout
for i in 1 2; do echo $i; done | cat
while read x; do echo "r $x"; done <<EOF
1
2
EOF
