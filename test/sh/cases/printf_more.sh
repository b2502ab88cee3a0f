printf '%s|' a 'b c' ''
echo
printf '%3d|%-3d|%03d\n' 5 5 5
printf '%x %X %o %#x %#o\n' 255 255 8 255 8
printf '%u\n' -1
printf '%.3s|%10.2s|\n' abcdef abcdef
printf '%5.1f|%-8.3e|%G\n' 3.14159 1234.5 0.000012345
printf '%s %s %s\n' 1 2
printf 'A\tB\\n\n'
printf '%b\n' '\0101\x41' 'a\\b'
printf "%d%%\n" 50
printf '%i\n' 0x1f 010 ' 7'
printf '%d\n' 1.5
echo "st $?"
printf '%d\n' 99999999999999999999
echo "st $?"
printf '%c' '' | od -c >/dev/null 2>&1
printf '\101\102\n'
printf '%s\n' "$(printf '\n\n')x"
printf -- '--%s\n' opt
