# Process substitution, {var} redirections, /dev/std* in redirections, wait -n.
while read -r l; do echo "got $l"; done < <(printf 'a\nb\n')
mapfile -t arr < <(printf '1\n2\n3\n')
echo "${#arr[@]}"
read -r x < <(echo val)
echo "$x"
echo hi > >(cat)
sleep 0.1
exec 3< <(echo three)
read -r y <&3
echo "$y"
exec 3<&-
case $(echo <(true)) in /dev/fd/*) echo "named /dev/fd" ;; esac
exec {fd}>out.txt
[ "$fd" -ge 10 ] && echo "fd allocated"
echo written >&$fd
exec {fd}>&-
cat out.txt
exec {in}< out.txt
read -r -u "$in" line
echo "read: $line"
exec {in}<&-
exec {dup}>&1
echo "via dup" >&$dup
exec {dup}>&-
echo to-stderr > /dev/stderr
sleep 0.2 & p1=$!
(sleep 0.1; exit 3) &
wait -n
echo "first $?"
wait -n -p who
echo "second $? $([ "$who" = "$p1" ] && echo p1)"
wait -n
echo "none $?"
