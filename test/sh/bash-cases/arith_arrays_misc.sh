# Array elements in arithmetic (a[i+1] read and assigned, ++, op=, let, associative keys),
# ${!1} and an unset ${!N}, unset of a readonly variable, and set -C's message.
a=(1 2 3); echo $((a[1] + a[2])); i=1; echo ${a[i+1]}; echo $((a[i]*10))
((a[0]+=5)); echo ${a[0]}; ((a[5]=7)); echo ${a[@]} ${#a[@]}
(( a[1]++ )); echo ${a[1]}; echo $(( a[-1] ))
declare -A m=([x]=4); echo $(( m[x] * 2 )); (( m[y] = 9 )); echo ${m[y]}
b=5; echo $(( b[0] + 1 ))
echo $(( a[ 1 ] ))
let 'a[2] = 42'; echo ${a[2]}
set -- x; x=5; echo ${!1}; echo "[${!2}]" end
readonly z=1; unset z; echo $?
rm -f nc; set -o noclobber; echo a > nc; echo b > nc; echo $?; echo c >| nc; cat nc; set +o noclobber
echo "[${a[-9]}]"; echo $?
