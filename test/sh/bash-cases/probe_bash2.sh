# Each snippet runs in its own bash -c; collected from differential probes against bash 5.2.
echo "--- 0 $?"
bash -c 'set -euo pipefail
foo() { local -a arr=("$@"); echo "${#arr[@]}"; }
foo a '\''b c'\''
' 2>&1
echo "--- 1 $?"
bash -c 'for i in {1..3}; do printf '\''%02d\n'\'' "$i"; done
' 2>&1
echo "--- 2 $?"
bash -c 'for f in {a..e..2}; do echo $f; done; echo {05..10..3}; echo {z..w}
' 2>&1
echo "--- 3 $?"
bash -c 'str='\''hello world'\''; echo ${str^} ${str^^o} ${str,,[LO]} ${#str} ${str:6} ${str: -5:3}
' 2>&1
echo "--- 4 $?"
bash -c 'a=(x y z); for i in "${!a[@]}"; do echo "$i=${a[$i]}"; done; echo "${a[@]:1}" "${a[-1]}"
' 2>&1
echo "--- 5 $?"
bash -c 'declare -A cfg=([host]=localhost [port]=8080); for k in "${!cfg[@]}"; do echo "$k=${cfg[$k]}"; done | sort
' 2>&1
echo "--- 6 $?"
bash -c 'x=5; if (( x > 3 && x < 10 )); then echo in; fi; (( x++ )); echo $x; (( y = x * 2 )); echo $y
' 2>&1
echo "--- 7 $?"
bash -c 's=abc.tar.gz; echo ${s%.*} ${s%%.*} ${s#*.} ${s##*.}
' 2>&1
echo "--- 8 $?"
bash -c 'f() { return 3; }; f || echo "failed $?"; f && echo no
' 2>&1
echo "--- 9 $?"
bash -c 'trap '\''echo cleanup'\'' EXIT; echo main; exit 4
' 2>&1
echo "--- 10 $?"
bash -c 'set -e; false || true; echo after; if false; then :; fi; echo end
' 2>&1
echo "--- 11 $?"
bash -c 'set -e; f() { false; echo not; }; f || echo caught; echo done
' 2>&1
echo "--- 12 $?"
bash -c 'read -r a b <<< '\''one two three'\''; echo "[$a] [$b]"
' 2>&1
echo "--- 13 $?"
bash -c 'while IFS=: read -r user _ uid _; do echo "$user $uid"; done <<'\''EOF2'\''
root:x:0:0
bin:x:1:1
EOF2
' 2>&1
echo "--- 14 $?"
bash -c 'x=$(printf '\''a\nb\n\n'\''); echo "[$x]"; y=$(cat <<< '\''z'\''); echo $y
' 2>&1
echo "--- 15 $?"
bash -c 'case "$1" in '\'''\'') echo empty;; *) echo other;; esac
' 2>&1
echo "--- 16 $?"
bash -c 'arr=(); arr+=("a b"); arr+=(c); printf '\''<%s>'\'' "${arr[@]}"; echo; echo ${#arr[*]}
' 2>&1
echo "--- 17 $?"
bash -c 'printf -v out '\''%s-%s'\'' a b; echo $out; printf '\''%5.2f|%-5s|%x|%o|%e\n'\'' 3.14159 ab 255 8 1234.5
' 2>&1
echo "--- 18 $?"
bash -c 'echo $((2**8)) $((7/2)) $((7%3)) $((-7/2)) $(( 1 << 4 )) $(( 0x1f )) $(( 010 )) $(( 2#101 ))
' 2>&1
echo "--- 19 $?"
bash -c 'x=10; let x+=5 y=x*2; echo $x $y; let '\''z = 0'\''; echo $?
' 2>&1
echo "--- 20 $?"
bash -c '[[ -z '\'''\'' && -n x ]] && echo ok; [[ '\''a b'\'' == a* ]] && echo glob; [[ abc =~ ^a(b)c$ ]] && echo ${BASH_REMATCH[1]}
' 2>&1
echo "--- 22 $?"
bash -c 'f() { echo "$FUNCNAME $#"; g; }; g() { echo "${FUNCNAME[@]}"; }; f 1 2
' 2>&1
echo "--- 23 $?"
bash -c 'echo "${PIPESTATUS[@]}"; true | false | true; echo "${PIPESTATUS[@]}"
' 2>&1
echo "--- 24 $?"
bash -c 'set -- a b c; echo "$#" "$@"; shift; echo "$*"; set -- "${@:2}"; echo $1
' 2>&1
echo "--- 25 $?"
bash -c 'getopts_test() { local OPTIND opt; while getopts '\''ab:'\'' opt; do case $opt in a) echo A;; b) echo "B=$OPTARG";; ?) echo bad;; esac; done; shift $((OPTIND-1)); echo "rest $*"; }; getopts_test -a -b val x y
' 2>&1
echo "--- 26 $?"
bash -c 'mapfile -t lines <<< $'\''l1\nl2'\''; echo ${#lines[@]} ${lines[1]}
' 2>&1
echo "--- 27 $?"
bash -c 'x=1; { x=2; }; echo $x; (x=3); echo $x; echo $(x=4; echo $x) $x
' 2>&1
echo "--- 28 $?"
bash -c 'exec 3>&1; echo to3 >&3; exec 3>&-; echo after
' 2>&1
echo "--- 29 $?"
bash -c 'v=${undefined:-default}; echo $v; : ${z:=assigned}; echo $z; echo ${undefined:+alt}x
' 2>&1
echo "--- 30 $?"
bash -c 'echo ${#}; echo $-; echo $0 | sed '\''s#.*/##'\''
' 2>&1
echo "--- 31 $?"
bash -c 'i=0; until [[ $i -ge 3 ]]; do ((i++)); done; echo $i
' 2>&1
echo "--- 32 $?"
bash -c 'for ((i=0,j=10; i<3; i++, j--)); do echo $i $j; done
' 2>&1
echo "--- 33 $?"
bash -c 'n=$(( $(echo 3) + 4 )); echo $n; echo $[n*2]
' 2>&1
echo "--- 34 $?"
bash -c 'echo '\''single'\'' "double $HOME" $'\''ansi\x41'\'' $"loc"
' 2>&1
echo "--- 35 $?"
bash -c 'cat <<< "here ${HOME}"; cat <<-EOF2
	indented
	EOF2
' 2>&1
echo "--- 36 $?"
bash -c 'declare -i num=10; num+=5; echo $num; num='\''2*3'\''; echo $num
' 2>&1
echo "--- 37 $?"
bash -c 'readonly C=1; C=2; echo after $?
' 2>&1
echo "--- 38 $?"
bash -c 'unset x; echo ${x?custom message}
' 2>&1
echo "--- 39 $?"
bash -c 'f() { local x=inner; g; }; g() { echo $x; }; x=outer; f; echo $x
' 2>&1
echo "--- 40 $?"
bash -c 'echo $((1/0))
' 2>&1
echo "--- 41 $?"
bash -c '[[ 1 -eq 1 ]]; echo $?; [ 1 -eq x ] 2>/dev/null; echo $?; [[ x -eq 1 ]]; echo $?
' 2>&1
echo "--- 42 $?"
bash -c 'type -t ls cd if f 2>/dev/null; echo $?
' 2>&1
echo "--- 43 $?"
bash -c 'echo {a,b}{1,2} {x,y,z}-{1..2}
' 2>&1
echo "--- 44 $?"
bash -c 'x='\''a*b'\''; echo ${x//\*/-}; y=path/to/file; echo ${y//\//_}
' 2>&1
echo "--- 45 $?"
bash -c 'printf '\''%s\n'\'' "${@:-none}"
' 2>&1
echo "--- 46 $?"
bash -c 'echo -e '\''tab\there'\'' '\''nl\nx'\''; echo -n no-newline; echo
' 2>&1
echo "--- 47 $?"
bash -c 'a=(3 1 2); IFS=$'\''\n'\'' sorted=($(sort <<<"${a[*]}")); unset IFS; echo ${sorted[*]}
' 2>&1
echo "--- 50 $?"
bash -c 'echo ${x:?}; echo after
' 2>&1
echo "--- 51 $?"
bash -c 'f() { echo ${1:?need arg}; }; f; echo after $?
' 2>&1
echo "--- 52 $?"
bash -c 'set -u; echo ${1}; echo after
' 2>&1
echo "--- 53 $?"
bash -c 'set -e; x=$(false); echo notreached
' 2>&1
echo "--- 54 $?"
bash -c 'set -e; false | true; echo piped; set -o pipefail; false | true; echo nope
' 2>&1
echo "--- 55 $?"
bash -c 'set -e; (false); echo no
' 2>&1
echo "--- 56 $?"
bash -c 'set -e; { false; } || echo rescued; ! true; echo still
' 2>&1
echo "--- 57 $?"
bash -c 'nosuchcmd arg; echo $?; ./nosuchfile; echo $?; /etc/passwd; echo $?
' 2>&1
echo "--- 58 $?"
bash -c 'echo > /nonexistent/dir/file; echo $?
' 2>&1
echo "--- 59 $?"
bash -c 'cd /nonexistent; echo $?; cd /etc/passwd; echo $?
' 2>&1
echo "--- 60 $?"
bash -c 'if; then echo; fi
' 2>&1
echo "--- 61 $?"
bash -c 'echo '\''unterminated
' 2>&1
echo "--- 62 $?"
bash -c 'f() { echo a
' 2>&1
echo "--- 63 $?"
bash -c '(( 1 + ))
' 2>&1
echo "--- 64 $?"
bash -c 'echo $(( 1 + ))
' 2>&1
echo "--- 66 $?"
bash -c 'case x in
' 2>&1
echo "--- 67 $?"
bash -c 'for i in 1 2; do echo $i; done; done
' 2>&1
echo "--- 68 $?"
bash -c '[[ a = ]] ; echo $?
' 2>&1
echo "--- 69 $?"
bash -c 'declare -r x=1; x=2; echo $?; unset x; echo $?
' 2>&1
echo "--- 70 $?"
bash -c 'a=(1 2); a=x; echo ${a[@]}; unset '\''a[0]'\''; echo ${a[@]}
' 2>&1
echo "--- 71 $?"
bash -c 'local x=1
' 2>&1
echo "--- 72 $?"
bash -c 'shift 2; echo $?
' 2>&1
echo "--- 73 $?"
bash -c 'echo ${!nonexistent}; echo after
' 2>&1
echo "--- 74 $?"
bash -c 'eval '\''echo "in eval"; nosuch'\''; echo $?
' 2>&1
echo "--- 75 $?"
bash -c 'source /nonexistent.sh; echo $?
' 2>&1
echo "--- 76 $?"
bash -c 'trap '\''echo trapped'\'' ERR; false; nosuch 2>/dev/null; echo end
' 2>&1
echo "--- 77 $?"
bash -c 'printf '\''%d\n'\'' abc; echo $?; printf '\''%d\n'\'' 12abc; echo $?
' 2>&1
echo "--- 78 $?"
bash -c 'x=08; echo $((x)); echo after
' 2>&1
echo "--- 79 $?"
bash -c 'echo $((08))
' 2>&1
echo "--- 80 $?"
bash -c 'declare -i i=abc; echo $i
' 2>&1
echo "--- 81 $?"
bash -c 'arr=(a b c); echo ${arr[5]:-none} ${arr[-4]}
' 2>&1
echo "--- 82 $?"
bash -c 'f() { local -n r=$1; r=5; }; f undefinedvar; echo $undefinedvar
' 2>&1
echo "--- 83 $?"
bash -c 'time_out=$(( 3 > 2 ? 10 : 20 )); echo $time_out
' 2>&1
echo "--- 84 $?"
bash -c 'echo "$(( 1 ))" "$(( ))"
' 2>&1
echo "--- 86 $?"
bash -c 'kill -0 $$ && echo alive
' 2>&1
echo "--- 87 $?"
bash -c 'x="a b c"; set -- $x; echo $#; IFS=; set -- $x; echo $#
' 2>&1
echo "--- 88 $?"
bash -c 'echo ${x-$(echo sub)} ${y:-"q r"}
' 2>&1
echo "--- 89 $?"
bash -c 'str='\''a-b-c'\''; IFS=- read -ra parts <<< "$str"; echo ${#parts[@]} ${parts[2]}
' 2>&1
echo "--- 90 $?"
bash -c '[[ a = ]]; echo $?
' 2>&1
echo "--- 91 $?"
bash -c '[[ -f ]]; echo $?
' 2>&1
echo "--- 92 $?"
bash -c '[[ ]]; echo $?
' 2>&1
echo "--- 93 $?"
bash -c '[[ a b ]]; echo $?
' 2>&1
echo "--- 94 $?"
bash -c '[[ ( a ]]; echo $?
' 2>&1
echo "--- 95 $?"
bash -c '[[ a == b c ]]; echo $?
' 2>&1
echo "--- 96 $?"
bash -c 'echo before
[[ a b ]]
echo after
' 2>&1
echo "--- 97 $?"
bash -c 'false
[[ a = ]]
' 2>&1
echo "--- 98 $?"
bash -c '[[ -n x && ( a == a || b ) ]] && echo ok
' 2>&1
echo "--- 99 $?"
bash -c '[[ ! -z x ]] && echo notz
' 2>&1
