echo a | cat | cat | cat | cat | cat
printf '1\n2\n3\n' | while read x; do echo $((x*x)); done | cat
