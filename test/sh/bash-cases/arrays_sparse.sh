# Sparse indexed arrays, unset of elements, negative subscripts, declare -p.
a=(1 2 3)
a[7]=x
declare -p a
echo "${!a[@]}" "${#a[@]}"
unset 'a[1]'
declare -p a
a=q
declare -p a
echo "${a[-1]}" "${a[-3]}"
b=([3]=x y [1]=z)
declare -p b
echo "${b[@]}"
c=(a b c d e)
echo "${c[@]:1:2}" "${c[@]: -2}"
unset c
echo "${#c[@]}"
i=2
d=()
d[i*2]=four
d[i]+=two
d[i]+=more
echo "${!d[@]}" "${d[@]}"
e=("a b" "c")
printf '<%s>' "${e[@]}"; echo
printf '<%s>' "${e[*]}"; echo
printf '<%s>' ${e[@]}; echo
IFS=:
echo "${e[*]}"
unset IFS
f=(x y)
f=()
echo "${#f[@]}"
g=(1 2 3)
unset 'g[@]'
echo "${#g[@]}" "${g[0]-unset}"
h=(10 20 30)
for k in "${!h[@]}"; do echo "$k=${h[k]}"; done
