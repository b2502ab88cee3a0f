# Each snippet runs in its own `sh -c` (as the differential probes ran them one by one).
echo "--- 0 $?"
sh -c 'echo $( (echo sub) )' 2>&1
echo "--- 1 $?"
sh -c 'echo $((echo a) )' 2>&1
echo "--- 2 $?"
sh -c 'x=$(case a in a) echo matched;; esac); echo $x' 2>&1
echo "--- 3 $?"
sh -c 'x=$(case a in (a) echo m2;; esac); echo $x' 2>&1
echo "--- 4 $?"
sh -c 'f() { cat <<EOF
$1
EOF
}; f one; f two' 2>&1
echo "--- 5 $?"
sh -c 'x=$(cat <<EOF
a
EOF
)
echo "$x"' 2>&1
echo "--- 6 $?"
sh -c 'eval "cat <<EOF
in eval
EOF"' 2>&1
echo "--- 7 $?"
sh -c 'alias ll="echo ll"; ll' 2>&1
echo "--- 8 $?"
sh -c 'alias x=y; alias; unalias x; alias' 2>&1
echo "--- 9 $?"
sh -c 'echo ${x-"a"b}' 2>&1
echo "--- 10 $?"
sh -c 'echo "${x-a"b"c}"' 2>&1
echo "--- 11 $?"
sh -c 'echo ${x-'\''a b'\''} "${x-'\''a b'\''}"' 2>&1
echo "--- 12 $?"
sh -c 'set -- "a b"; echo "${1+"$1"}"' 2>&1
echo "--- 13 $?"
sh -c 'v="a b"; for i in ${v+"$v"}; do echo "[$i]"; done' 2>&1
echo "--- 14 $?"
sh -c 'echo "$(echo "}")"' 2>&1
echo "--- 15 $?"
sh -c 'echo ${x:-\}}' 2>&1
echo "--- 16 $?"
sh -c 'echo "${x:-\}}"' 2>&1
echo "--- 17 $?"
sh -c 'echo ${x:-}}' 2>&1
echo "--- 18 $?"
sh -c 'echo "a\"b"' 2>&1
echo "--- 19 $?"
sh -c 'echo '\''a\\b'\''' 2>&1
echo "--- 20 $?"
sh -c 'echo \$x \` \\' 2>&1
echo "--- 21 $?"
sh -c 'echo "\$x \` \\ \a"' 2>&1
echo "--- 22 $?"
sh -c 'x=abc; echo ${x#a}${x%c}' 2>&1
echo "--- 23 $?"
sh -c 'echo ${#x} ${x:-${#x}}' 2>&1
echo "--- 24 $?"
sh -c 'printf "%s\n" "${@}"' 2>&1
echo "--- 25 $?"
sh -c 'echo $((1+$(echo 2)))' 2>&1
echo "--- 26 $?"
sh -c 'a=1; echo $(($a+$(echo $a)))' 2>&1
echo "--- 27 $?"
sh -c 'x=3; echo $((x=x+1)); echo $x' 2>&1
echo "--- 28 $?"
sh -c 'echo "$((1 << 3))" "$(( 8 >> 1 ))"' 2>&1
echo "--- 29 $?"
sh -c 'echo $((1 ? 2 : 3 ? 4 : 5))' 2>&1
echo "--- 30 $?"
sh -c 'i=5; echo $((i > 3 && i < 10))' 2>&1
echo "--- 31 $?"
sh -c 'echo $(( (1) ))' 2>&1
echo "--- 32 $?"
sh -c 'echo $((((1))))' 2>&1
echo "--- 33 $?"
sh -c 'echo $(( ( (2) * (3) ) ))' 2>&1
echo "--- 34 $?"
sh -c 'echo $((,))' 2>&1
echo "--- 35 $?"
sh -c 'echo $((1 2))' 2>&1
echo "--- 36 $?"
sh -c 'echo $(())' 2>&1
echo "--- 37 $?"
sh -c 'echo $(( ))' 2>&1
echo "--- 38 $?"
sh -c 'n=3; while [ $n -gt 0 ]; do n=$((n-1)); done; echo $n' 2>&1
echo "--- 39 $?"
sh -c 'exec 3>&1; x=$(echo to3 >&3; echo captured); echo "[$x]"' 2>&1
echo "--- 40 $?"
sh -c 'x=$(echo err >&2); echo "[$x]"' 2>&1
echo "--- 41 $?"
sh -c '{ echo a; } 2>&1 | cat' 2>&1
echo "--- 42 $?"
sh -c 'echo a 1>&2 2>/dev/null' 2>&1
echo "--- 43 $?"
sh -c 'echo a 2>/dev/null 1>&2' 2>&1
echo "--- 44 $?"
sh -c 'cat < /dev/null > /dev/null; echo $?' 2>&1
echo "--- 45 $?"
sh -c 'echo "x" > /dev/null 2>&1 && echo ok' 2>&1
echo "--- 46 $?"
sh -c '3>/dev/null echo fd3' 2>&1
echo "--- 47 $?"
sh -c '>/dev/null echo hidden; echo shown' 2>&1
echo "--- 48 $?"
sh -c 'x=1 >/dev/null; echo $x' 2>&1
echo "--- 49 $?"
sh -c 'echo a >& 1' 2>&1
echo "--- 50 $?"
sh -c 'echo a 1>& 2 2>/dev/null' 2>&1
echo "--- 51 $?"
sh -c 'f() { echo f; } >/dev/null; f; echo after' 2>&1
echo "--- 52 $?"
sh -c 'f() { echo out; }; f > /dev/null; echo after' 2>&1
echo "--- 53 $?"
sh -c 'if true; then echo in; fi >/dev/null; echo after' 2>&1
echo "--- 54 $?"
sh -c 'while false; do :; done >/dev/null; echo after' 2>&1
echo "--- 55 $?"
sh -c 'case a in a) echo c;; esac >/dev/null; echo after' 2>&1
echo "--- 56 $?"
sh -c '( echo sub ) >/dev/null; echo after' 2>&1
echo "--- 57 $?"
sh -c 'echo $((010 + 0x10 + 10))' 2>&1
echo "--- 58 $?"
sh -c 'printf "%d %d\n" 010 0x10' 2>&1
echo "--- 59 $?"
sh -c 'printf "%s\n" 010' 2>&1
echo "--- 60 $?"
sh -c 'echo `echo \\\\`' 2>&1
echo "--- 61 $?"
sh -c 'echo "`echo \\\\`"' 2>&1
echo "--- 62 $?"
sh -c 'x=`echo a; echo b`; echo "$x"' 2>&1
echo "--- 63 $?"
sh -c 'echo $(echo a
echo b)' 2>&1
echo "--- 64 $?"
sh -c 'cmd="echo hi"; $cmd' 2>&1
echo "--- 65 $?"
sh -c 'cmd="echo  a   b"; $cmd' 2>&1
echo "--- 66 $?"
sh -c '"echo" quoted-cmd' 2>&1
echo "--- 67 $?"
sh -c ''\''ec'\''ho partial-quote' 2>&1
echo "--- 68 $?"
sh -c 'e=echo; $e dollar-cmd' 2>&1
echo "--- 69 $?"
sh -c 'set -- echo args; "$@"' 2>&1
echo "--- 70 $?"
sh -c 'IFS=o; set -- foo; echo $1' 2>&1
echo "--- 71 $?"
sh -c 'x="a:b"; IFS=:; echo $x; echo "$x"' 2>&1
echo "--- 72 $?"
sh -c 'IFS=: read a b c <<EOF
1::3
EOF
echo "$a|$b|$c"' 2>&1
echo "--- end $?"
