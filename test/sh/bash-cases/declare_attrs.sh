declare -i n
n="3 + 4"
echo $n
n+=1
echo $n
declare -a arr=(x y z)
echo "${#arr[@]} ${arr[2]}"
f() {
  local -i c=2*3
  local -a la=(1 2)
  declare d=inner
  echo "$c ${la[1]} $d"
}
f
echo "[${c-}] [${d-}]"
declare -x EXP=1
env | grep -c '^EXP=1$'
