# select menus, printf %(fmt)T, read -t, declare -f of a select loop.
printf '2\n\nx\n1\n' | {
  select x in a bb ccc; do echo "got [$x] [$REPLY]"; done
  echo "st=$?"
} 2>&1
printf '3\n' | {
  PS3='pick: '
  select x in $(seq 1 30); do echo "got $x"; break; done
} 2>&1
COLUMNS=40
printf '1\n' | { select w in alpha beta gamma delta epsilon zeta eta theta; do break; done; } 2>&1
set -- p q
printf '' | { select y; do :; done; echo "st=$?"; } 2>&1
f() { select v in 1 2; do echo "$v"; done; }
declare -f f
TZ=UTC printf '%(%Y-%m-%d %H:%M:%S)T|%(%s)T|%10(%Y)T|%.2(%Y)T|%-6(%j)T|\n' 0 86400 0 0 40
printf '%(%Y)T\n' | grep -c '^20'
sleep 3 | { read -t 1 x; echo "st=$? [$x]"; }
(printf ab; sleep 3) | { read -t 1 z; echo "st=$? [$z]"; }
read -t 0 < /etc/passwd; echo "t0 file $?"
