# Each snippet runs in its own `bash -c`.
echo "--- 1 $?"
bash -c 'a=(1 2 3); echo ${a[@]} ${#a[@]} ${a[-1]}' 2>&1
echo "--- 2 $?"
bash -c 'a=(x y); a[5]=z; echo ${#a[@]} "${a[@]}"' 2>&1
echo "--- 3 $?"
bash -c 'declare -a arr=(p q); echo ${arr[1]}' 2>&1
echo "--- 4 $?"
bash -c 'f() { local -a l=(1 2); echo ${l[1]}; }; f' 2>&1
echo "--- 5 $?"
bash -c 'x=hello; echo ${x:1:3} ${x: -2} ${x:10}' 2>&1
echo "--- 6 $?"
bash -c 'x=a.b.c; echo ${x//./_} ${x/./-}' 2>&1
echo "--- 7 $?"
bash -c 'x=ABC; echo ${x,,} ${x,}' 2>&1
echo "--- 8 $?"
bash -c '[[ -n "" ]] || echo empty' 2>&1
echo "--- 9 $?"
bash -c '[[ a < b && b > a ]] && echo ok' 2>&1
echo "--- 10 $?"
bash -c '[[ 3 -gt 2 ]] && echo gt' 2>&1
echo "--- 11 $?"
bash -c '[[ $x == "" ]] && echo unset-empty' 2>&1
echo "--- 12 $?"
bash -c '[[ abc == *b* ]] && echo glob' 2>&1
echo "--- 13 $?"
bash -c '[[ "a b" == a\ b ]] && echo esc' 2>&1
echo "--- 14 $?"
bash -c 'if [[ foo =~ ^f(o+)$ ]]; then echo ${BASH_REMATCH[1]}; fi' 2>&1
echo "--- 15 $?"
bash -c '[[ 1 ]]; echo $?; [[ "" ]]; echo $?' 2>&1
echo "--- 16 $?"
bash -c '(( 0 )); echo $?; (( 5 )); echo $?' 2>&1
echo "--- 17 $?"
bash -c 'x=5; (( x += 2 )); echo $x' 2>&1
echo "--- 18 $?"
bash -c 'let "a = 2 ** 3" b=a+1; echo $a $b' 2>&1
echo "--- 19 $?"
bash -c 'echo $(( 10 / 3 )) $(( -10 / 3 )) $(( 10 % -3 ))' 2>&1
echo "--- 20 $?"
bash -c 'i=0; ((i++)); echo $i; ((i--)); echo $i' 2>&1
echo "--- 21 $?"
bash -c 'echo $((16#ff)) $((2#1010)) $((8#17))' 2>&1
echo "--- 22 $?"
bash -c 'for ((i=0; i<3; i++)); do echo $i; done' 2>&1
echo "--- 23 $?"
bash -c 'function f { echo "args $#"; }; f a b' 2>&1
echo "--- 24 $?"
bash -c 'function g() { return 3; }; g; echo $?' 2>&1
echo "--- 25 $?"
bash -c 'f() { echo "${FUNCNAME[0]} ${FUNCNAME[1]-main?}"; }; f' 2>&1
echo "--- 26 $?"
bash -c 'echo -e "a\tb"; echo -n x; echo' 2>&1
echo "--- 28 $?"
bash -c 'printf "%s\n" "${@:-none}"' 2>&1
echo "--- 29 $?"
bash -c 'cat <<< "here string"' 2>&1
echo "--- 30 $?"
bash -c 'read a b <<< "1 2"; echo $b $a' 2>&1
echo "--- 31 $?"
bash -c 'x=$(<nonexistent) 2>&1; echo "[$x] $?"' 2>&1
echo "--- 32 $?"
bash -c 'echo "abc" > f; x=$(<f); echo $x' 2>&1
echo "--- 33 $?"
bash -c 'source /dev/null; echo $?' 2>&1
echo "--- 34 $?"
bash -c 'declare -i n; n="3+4"; echo $n' 2>&1
echo "--- 35 $?"
bash -c 'declare -r r=1; r=2; echo "status $?"' 2>&1
echo "--- 36 $?"
bash -c 'typeset x=1; echo $x' 2>&1
echo "--- 37 $?"
bash -c 'local x=1' 2>&1
echo "--- 38 $?"
bash -c 'set -o pipefail; false | true; echo $?' 2>&1
echo "--- 39 $?"
bash -c 'shopt -s extglob; echo ok' 2>&1
echo "--- 40 $?"
bash -c 'echo {a,b}c' 2>&1
echo "--- 41 $?"
bash -c 'echo {1..3}' 2>&1
echo "--- 42 $?"
bash -c 'x=1; echo "${x}th"' 2>&1
echo "--- 43 $?"
bash -c 'unset y; echo ${y:-def}' 2>&1
echo "--- 45 $?"
bash -c 'echo "$((1+1))"' 2>&1
echo "--- 46 $?"
bash -c 'nosuchcommand' 2>&1
echo "--- 47 $?"
bash -c 'cd /nonexistent' 2>&1
echo "--- 48 $?"
bash -c 'echo ${x?oops}' 2>&1
echo "--- 49 $?"
bash -c 'if true; then' 2>&1
echo "--- 50 $?"
bash -c 'echo "unterminated' 2>&1
echo "--- 52 $?"
bash -c 'f() {' 2>&1
echo "--- 53 $?"
bash -c 'case x in' 2>&1
echo "--- 54 $?"
bash -c 'exit 3' 2>&1
echo "--- 55 $?"
bash -c 'false; echo $?; true; echo $?' 2>&1
echo "--- 56 $?"
bash -c 'trap "echo bye" EXIT; echo hi' 2>&1
echo "--- 57 $?"
bash -c 'set -e; false; echo no' 2>&1
echo "--- 58 $?"
bash -c 'set -u; echo $nope' 2>&1
echo "--- 59 $?"
bash -c 'set -x; echo traced' 2>&1
echo "--- 60 $?"
bash -c 'printf -v v "%03d" 7; echo $v' 2>&1
echo "--- 61 $?"
bash -c 'printf "%q\n" "it'\''s"' 2>&1
echo "--- 62 $?"
bash -c 'x="a b"; arr=($x); echo ${#arr[@]}' 2>&1
echo "--- 63 $?"
bash -c 'arr=(); arr+=(1); arr+=(2 3); echo "${arr[*]}"' 2>&1
echo "--- 64 $?"
bash -c 'echo "${!x}" 2>&1' 2>&1
echo "--- 65 $?"
bash -c 'n=x; x=val; echo ${!n}' 2>&1
echo "--- 66 $?"
bash -c 'echo ${#FUNCNAME[@]}' 2>&1
echo "--- 67 $?"
bash -c 'type -t echo 2>&1' 2>&1
echo "--- 68 $?"
bash -c 'command -v ls; echo $?' 2>&1
echo "--- 69 $?"
bash -c 'echo $0' 2>&1
echo "--- end $?"
