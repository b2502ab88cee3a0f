# ${x@Q} and the other transformations, ${!prefix*}, ${!a[@]}, $[ ].
x="a'b c"
echo "${x@Q}"
y=$'t\tz'
echo "${y@Q}"
e='a\tb'
echo "${e@E}"
export x
echo "${x@A}" "${x@a}"
a=(1 "2 3")
echo "${a[@]@Q}"
echo "${a@A}"
echo "${a[@]@A}"
declare -A m=([k]=v)
echo "${m[@]@A}"
echo "${m@a}"
z=
echo "[${z@Q}]" "[${unset@Q}]"
w=hello
echo "${w@U}" "${w@u}" "${w@L}"
declare -rxi num=1
echo "${num@a}" "${num@A}"
prefix_one=1 prefix_two=2
echo "${!prefix_*}"
for n in "${!prefix_@}"; do echo "$n"; done
echo "$[1+2]" "$[ 3 * (2 + 1) ]"
set -- "a b" c
echo "${@@Q}"
echo "${*@U}"
ref='a[1]'
echo "${!ref}"
PS_TEST='\u-x'
echo "${PS_TEST@P}" | sed 's/^[a-z]*-/user-/'
echo "${w@Z}"
echo after
