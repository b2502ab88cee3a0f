set -- '' x
echo "[${1:-d}] [${1-d}] [${2:+a}] [${3:+a}] [${3-u}]"
v=
echo "${v:=set}" "$v"
echo ${w:-a b c}
for i in ${w:-1 2 3}; do echo "i=$i"; done
for i in "${w:-1 2 3}"; do echo "q=$i"; done
echo ${w:-"a  b"} ${w:-'c  d'}
