# Each snippet runs in its own `sh -c` (as the differential probes ran them one by one).
echo "--- 0 $?"
sh -c 'set -e; f() { false; echo after; }; f; echo end' 2>&1
echo "--- 1 $?"
sh -c 'set -e; f() { false; echo after; }; f && echo and; echo end' 2>&1
echo "--- 2 $?"
sh -c 'set -e; false && true; echo reached' 2>&1
echo "--- 3 $?"
sh -c 'set -e; true && false; echo not-reached' 2>&1
echo "--- 4 $?"
sh -c 'set -e; ! true; echo reached' 2>&1
echo "--- 5 $?"
sh -c 'set -e; x=$(false); echo "not reached?"' 2>&1
echo "--- 6 $?"
sh -c 'set -e; echo $(false); echo reached' 2>&1
echo "--- 7 $?"
sh -c 'set -e; for i in 1; do false; done; echo no' 2>&1
echo "--- 8 $?"
sh -c 'set -e; if true; then false; fi; echo no' 2>&1
echo "--- 9 $?"
sh -c 'set -e; { false; } || echo handled' 2>&1
echo "--- 10 $?"
sh -c 'set -e; trap "echo trap" EXIT; false' 2>&1
echo "--- 11 $?"
sh -c 'trap "echo a" EXIT; trap "echo b" EXIT; exit 3' 2>&1
echo "--- 12 $?"
sh -c 'trap "echo \$?" EXIT; (exit 5)' 2>&1
echo "--- 13 $?"
sh -c 'trap "echo in-trap; false" EXIT; true' 2>&1
echo "--- 14 $?"
sh -c 'trap "exit 7" EXIT; exit 2' 2>&1
echo "--- 15 $?"
sh -c 'f() { trap "echo func-exit" EXIT; }; f; echo body' 2>&1
echo "--- 16 $?"
sh -c 'trap "echo usr1" USR1; (kill -USR1 $$); echo after' 2>&1
echo "--- 17 $?"
sh -c 'trap "echo hup" HUP; kill -HUP $$; kill -HUP $$; echo x' 2>&1
echo "--- 18 $?"
sh -c 'trap "echo alarm" ALRM; kill -ALRM $$; echo x' 2>&1
echo "--- 19 $?"
sh -c 'trap -- "echo dash" INT; trap' 2>&1
echo "--- 20 $?"
sh -c 'trap "" TERM; kill $$; echo survived' 2>&1
echo "--- 21 $?"
sh -c 'trap - TERM; kill $$; echo never' 2>&1
echo "--- 22 $?"
sh -c 'eval "if true; then"' 2>&1
echo "--- 23 $?"
sh -c 'eval "echo a; fi"' 2>&1
echo "--- 24 $?"
sh -c 'eval "echo \${x?unset-in-eval}"; echo after' 2>&1
echo "--- 25 $?"
sh -c 'f() { echo ${x?in-f}; }; f; echo after' 2>&1
echo "--- 26 $?"
sh -c 'x=$(echo ${y?in-sub}); echo "after $?"' 2>&1
echo "--- 27 $?"
sh -c 'echo start; (echo ${z?in-subshell}); echo "after $?"' 2>&1
echo "--- 28 $?"
sh -c 'if true; then
  echo a
else
  fi fi
fi' 2>&1
echo "--- 29 $?"
sh -c 'while true; do
  break
done; done' 2>&1
echo "--- 30 $?"
sh -c 'for x in a b
do echo $x; done' 2>&1
echo "--- 31 $?"
sh -c 'for x in a b; do echo $x
done' 2>&1
echo "--- 32 $?"
sh -c 'case x in
x)
echo yes
;;
esac' 2>&1
echo "--- 33 $?"
sh -c 'f()
{
echo f
}
f' 2>&1
echo "--- 34 $?"
sh -c '{ echo a; echo b; } | while read x; do echo "[$x]"; done' 2>&1
echo "--- 35 $?"
sh -c 'echo a; echo b >&2; echo c' 2>&1
echo "--- 36 $?"
sh -c 'x=1
if [ $x = 1 ]; then
  y=2
fi
echo $y' 2>&1
echo "--- 37 $?"
sh -c 'echo "$(echo "$(echo "$(echo deep)")")"' 2>&1
echo "--- 38 $?"
sh -c 'echo '\''$(echo no)'\''' 2>&1
echo "--- 39 $?"
sh -c 'echo "$((1+2))" "$(( 3 ))"' 2>&1
echo "--- 40 $?"
sh -c 'a=b; b=c; eval echo \$$a' 2>&1
echo "--- 41 $?"
sh -c 'set -- x y; eval echo \${$#}' 2>&1
echo "--- 42 $?"
sh -c 'echo ${10-ten} ${1-one}' 2>&1
echo "--- 43 $?"
sh -c 'echo $-' 2>&1
echo "--- 44 $?"
sh -c 'set -x; echo $(echo hi) >/dev/null' 2>&1
echo "--- 45 $?"
sh -c 'set -x; x=$(echo a); : "$x"' 2>&1
echo "--- 46 $?"
sh -c 'set -x; for i in 1; do echo $i; done' 2>&1
echo "--- 47 $?"
sh -c 'set -x; case a in a) echo a;; esac' 2>&1
echo "--- 48 $?"
sh -c 'set -x; f() { echo f; }; f 2>/dev/null' 2>&1
echo "--- 49 $?"
sh -c 'set -v; echo a
echo b' 2>&1
echo "--- 50 $?"
sh -c 'set -nv; echo a
echo b' 2>&1
echo "--- 51 $?"
sh -c 'command -V nosuch; echo $?' 2>&1
echo "--- 52 $?"
sh -c 'command -p echo hi' 2>&1
echo "--- 53 $?"
sh -c 'command -v exit; command -v command' 2>&1
echo "--- 54 $?"
sh -c 'type nosuch 2>/dev/null; echo $?' 2>&1
echo "--- 55 $?"
sh -c 'hash -r; hash; type cat; hash' 2>&1
echo "--- 56 $?"
sh -c 'PATH=/nonexistent; cat /dev/null; echo $?' 2>&1
echo "--- 57 $?"
sh -c 'unset PATH; echo hi; nosuch; echo $?' 2>&1
echo "--- 58 $?"
sh -c '. /dev/null; echo $?' 2>&1
echo "--- 59 $?"
sh -c 'sh -c "echo \$0 \$1" name arg' 2>&1
echo "--- 60 $?"
sh -c 'sh -c "exit 3"; echo $?' 2>&1
echo "--- 61 $?"
sh -c 'sh -c '\''echo $$'\'' >/dev/null; echo ok' 2>&1
echo "--- 62 $?"
sh -c 'sh -n -c "if"; echo $?' 2>&1
echo "--- 63 $?"
sh -c 'sh -c "echo \$-"' 2>&1
echo "--- 64 $?"
sh -c 'sh -ec "false; echo no"; echo $?' 2>&1
echo "--- 65 $?"
sh -c 'sh -c '\''set -- a b; echo $#'\''' 2>&1
echo "--- 66 $?"
sh -c 'sh -c '\''"$@"'\'' sh echo hi' 2>&1
echo "--- 67 $?"
sh -c 'echo "a  b" | { read x y; echo "$x|$y"; }' 2>&1
echo "--- 68 $?"
sh -c 'echo "a\\tb" | { read x; echo "$x"; }' 2>&1
echo "--- 69 $?"
sh -c 'echo "a\\tb" | { read -r x; echo "$x"; }' 2>&1
echo "--- 70 $?"
sh -c 'printf "a\nb" | { while read l; do echo "l=$l"; done; echo "last=$l"; }' 2>&1
echo "--- 71 $?"
sh -c 'read -p "pr: " v </dev/null; echo "[$v] $?"' 2>&1
echo "--- 72 $?"
sh -c 'echo $(( 5 > 3 && 2 > 1 ))' 2>&1
echo "--- 73 $?"
sh -c 'i=0; while [ $((i+=1)) -lt 5 ]; do :; done; echo $i' 2>&1
echo "--- 74 $?"
sh -c 'x=3; echo $(( x ** 2 )) 2>&1' 2>&1
echo "--- 75 $?"
sh -c 'echo $(( 1 ++ 2 ))' 2>&1
echo "--- 76 $?"
sh -c 'echo $(( --1 ))' 2>&1
echo "--- 77 $?"
sh -c 'echo $(( -(-1) ))' 2>&1
echo "--- 78 $?"
sh -c 'echo $(( ~~5 ))' 2>&1
echo "--- end $?"
