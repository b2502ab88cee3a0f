printf '\000' | wc -c 2>/dev/null || echo nowc
printf 'a\0b' > nul.bin
printf '%s\n' "$(cat nul.bin | tr -d '\0' 2>/dev/null || echo x)"
printf '%s\n' a b
printf '%d\n' 42
printf -v out '%s-%s' x y
echo "$out"
printf '%q\n' "a b" 2>/dev/null
printf '%05.1f\n' 3.14159
