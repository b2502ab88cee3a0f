# Associative arrays: hash order, declare -p, keys, unset, += and key-value pairs.
declare -A m=([a]=1 [b]=2 [c]=3 [hello]=4 [x]=5 [k1]=6 [k2]=7)
echo "${!m[@]}"
echo "${m[@]}"
declare -p m
declare -A n
n[z]=1; n[y]=2; n[a]=3
echo "${!n[@]}"
n[y]+=5
echo "${n[y]}" "${#n[@]}"
unset 'n[z]'
echo "${!n[@]}"
k=a
echo "${n[$k]}" "${n[missing]-none}"
declare -A p=(one 1 two 2)
declare -p p
f() {
  local -A loc=([in]=side)
  echo "${loc[in]}"
}
f
declare -A q
q[with space]=v
echo "${q[with space]}"
declare -p q
m+=([new]=8)
echo "${m[new]}" "${#m[@]}"
for key in "${!n[@]}"; do echo "$key -> ${n[$key]}"; done
