printf '%s=%d\n' a 1 b 2 c
printf '[%s]\n'
printf '%s %s %s\n' 1 2 3 4
printf 'x%sy\n' ''
printf '%5s|\n' 'toolongvalue'
printf '%-10.3s|\n' abcdef
