# Each snippet runs in its own `sh -c` (as the differential probes ran them one by one).
echo "--- 0 $?"
sh -c 'echo $((2147483647+1)) $((-2147483648-1))' 2>&1
echo "--- 1 $?"
sh -c 'x=" a b "; echo "[${x# }]" "[${x% }]"' 2>&1
echo "--- 2 $?"
sh -c 'echo ${#} ${#?} ${#-}' 2>&1
echo "--- 3 $?"
sh -c 'set -- a b c; echo ${#@} ${#*}' 2>&1
echo "--- 4 $?"
sh -c 'echo "${x-$(echo sub)}"' 2>&1
echo "--- 5 $?"
sh -c 'x=1; echo ${x:+"$x"}' 2>&1
echo "--- 6 $?"
sh -c 'echo ${x:=a b}; echo "$x"' 2>&1
echo "--- 7 $?"
sh -c 'unset x; echo ${x?}' 2>&1
echo "--- 8 $?"
sh -c 'f() { echo $#; }; f "" "" ""' 2>&1
echo "--- 9 $?"
sh -c 'IFS=; x="a b"; set -- $x; echo $#' 2>&1
echo "--- 10 $?"
sh -c 'IFS=" "; x=" a  b "; set -- $x; echo $#' 2>&1
echo "--- 11 $?"
sh -c 'echo a\
b' 2>&1
echo "--- 12 $?"
sh -c 'echo '\''a\nb'\''' 2>&1
echo "--- 13 $?"
sh -c 'printf "%s\n" "a\nb"' 2>&1
echo "--- 14 $?"
sh -c 'printf "%b\n" "a\nb"' 2>&1
echo "--- 15 $?"
sh -c 'echo "\101"' 2>&1
echo "--- 16 $?"
sh -c 'x=5; x=$((x+1)) y=$x; echo $x $y' 2>&1
echo "--- 17 $?"
sh -c 'echo $(( 1 == 1 ? 10 : 20 ))' 2>&1
echo "--- 18 $?"
sh -c 'echo $(( (3+4) * (2-1) ))' 2>&1
echo "--- 20 $?"
sh -c 'cd /; echo $PWD; cd ..; echo $PWD' 2>&1
echo "--- 21 $?"
sh -c 'cd /tmp/../etc 2>/dev/null; pwd' 2>&1
echo "--- 22 $?"
sh -c 'type exit; type true; type [' 2>&1
echo "--- 23 $?"
sh -c 'command -v [' 2>&1
echo "--- 24 $?"
sh -c 'echo $(echo "$(echo nested)")' 2>&1
echo "--- 25 $?"
sh -c 'set -- 1 2 3; shift 3; echo $#' 2>&1
echo "--- 26 $?"
sh -c 'set -- 1; shift 2' 2>&1
echo "--- 27 $?"
sh -c 'a=1; readonly a; readonly a=2' 2>&1
echo "--- 28 $?"
sh -c 'export -p >/dev/null; echo $?' 2>&1
echo "--- 29 $?"
sh -c 'readonly -p | cat >/dev/null; echo $?' 2>&1
echo "--- 30 $?"
sh -c 'trap "" INT; trap' 2>&1
echo "--- 31 $?"
sh -c 'f() { local a=1; local; }; f' 2>&1
echo "--- 32 $?"
sh -c 'echo $(( 0x7fffffffffffffff ))' 2>&1
echo "--- 33 $?"
sh -c 'echo $((077))' 2>&1
echo "--- 34 $?"
sh -c 'echo $(( 1 / 3 * 3 ))' 2>&1
echo "--- 35 $?"
sh -c 'x=$(printf "a\0b"); echo ${#x}' 2>&1
echo "--- 36 $?"
sh -c 'v=a; case $v in a|b) echo x;; *) echo y;; esac' 2>&1
echo "--- 37 $?"
sh -c 'case a in (a|b) echo ok;; esac' 2>&1
echo "--- 38 $?"
sh -c 'for i in 1 2; do :; done; echo $i' 2>&1
echo "--- 39 $?"
sh -c 'while :; do break; done; echo $?' 2>&1
echo "--- 40 $?"
sh -c 'if :; then :; fi; echo $?' 2>&1
echo "--- 41 $?"
sh -c 'eval "echo \$#"' 2>&1
echo "--- 42 $?"
sh -c 'set -- "a b"; eval "set -- $1"; echo $#' 2>&1
echo "--- 43 $?"
sh -c 'echo "$(exit 3)"$?' 2>&1
echo "--- 44 $?"
sh -c 'echo ${PWD##*/}' 2>&1
echo "--- 45 $?"
sh -c 'echo "a" >&-; echo $?' 2>&1
echo "--- 46 $?"
sh -c 'exec 3>&-; exec 3<&-; echo ok' 2>&1
echo "--- 47 $?"
sh -c 'echo hi >&3' 2>&1
echo "--- 48 $?"
sh -c 'cat <<- EOF
		x
	EOF' 2>&1
echo "--- 49 $?"
sh -c 'cat << "a b"
line
a b' 2>&1
echo "--- 50 $?"
sh -c 'x=$(cat <<EOF
in
EOF
); echo "$x"' 2>&1
echo "--- 51 $?"
sh -c ': > $empty' 2>&1
echo "--- 52 $?"
sh -c 'echo > ""' 2>&1
echo "--- 53 $?"
sh -c 'f(){ return 256; }; f; echo $?' 2>&1
echo "--- 54 $?"
sh -c 'exit 255' 2>&1
echo "--- 55 $?"
sh -c 'false; exit' 2>&1
echo "--- 56 $?"
sh -c 'echo ${x:-}' 2>&1
echo "--- 58 $?"
sh -c 'echo $((-1 % 2)) $((1 % -2))' 2>&1
echo "--- 59 $?"
sh -c 'echo $(( 1 << -1 ))' 2>&1
echo "--- 60 $?"
sh -c 'echo "*" * 2>/dev/null | cat' 2>&1
echo "--- 61 $?"
sh -c 'set -f; echo *; set +f' 2>&1
echo "--- 62 $?"
sh -c 'x="*"; echo "$x"; echo $x > /dev/null' 2>&1
echo "--- 63 $?"
sh -c 'getopts a opt -b; echo $? $opt' 2>&1
echo "--- 64 $?"
sh -c 'read a <<EOF
x\\y
EOF
echo "$a"' 2>&1
echo "--- 65 $?"
sh -c 'read -r a <<EOF
x\\y
EOF
echo "$a"' 2>&1
echo "--- 66 $?"
sh -c 'printf "%s %s\n" $(echo a b c)' 2>&1
echo "--- 68 $?"
sh -c 'ulimit -x 2>&1; echo $?' 2>&1
echo "--- 69 $?"
sh -c 'umask abc; echo $?' 2>&1
echo "--- 70 $?"
sh -c 'umask -S; umask a=rw; umask' 2>&1
echo "--- 71 $?"
sh -c 'kill -l 9 15 2>&1' 2>&1
echo "--- 72 $?"
sh -c 'kill -l HUP 2>&1' 2>&1
echo "--- 73 $?"
sh -c 'jobs; echo $?' 2>&1
echo "--- 74 $?"
sh -c 'wait; echo $?' 2>&1
echo "--- 75 $?"
sh -c 'fg 2>&1; echo $?' 2>&1
echo "--- 76 $?"
sh -c 'bg %1 2>&1; echo $?' 2>&1
echo "--- 77 $?"
sh -c 'echo $((1)) $((+1)) $((-1)) $((!1))' 2>&1
echo "--- 78 $?"
sh -c 'x=09; echo $((x)) 2>&1' 2>&1
echo "--- 79 $?"
sh -c 'echo ${x#} 2>&1' 2>&1
echo "--- 80 $?"
sh -c 'echo ${1+set}${1-unset}' 2>&1
echo "--- 81 $?"
sh -c 'IFS=:; set -- a:b; echo "$*" $*' 2>&1
echo "--- 82 $?"
sh -c 'set -- "a b" c; printf "<%s>" $@; echo' 2>&1
echo "--- 83 $?"
sh -c 'set -- "a b" c; printf "<%s>" "$*"; echo' 2>&1
echo "--- end $?"
