printf '%s\n' hello
printf '%s-%s\n' a b c d e
printf '%d %i %o %x %X %u\n' 42 -7 8 255 255 3
printf '%5s|%-5s|%.2s\n' ab ab abcd
printf '%05d|%-5d|%+d|% d\n' 42 42 42 42
printf '%c%c\n' hello world
printf '%b\n' 'a\tb\nc'
printf 'esc \\ \t| \101 \x41\n'
printf '%%\n'
printf '%d\n' "'A"
printf '%d\n' abc
echo "status $?"
printf '%f %.2f %e %g\n' 3.5 2.345 12345.678 0.0001
printf 'no newline'
echo
printf '%s\n'
printf '%d %s\n' 1
printf '%b' 'stop\cnever'
echo
printf '\000' | cat >/dev/null
printf '%z\n'
echo after
