s=abcdefgh
echo ${s:2} ${s:2:3} ${s: -3} ${s: -3:2} ${s:0:1}
echo ${s/cd/XX} ${s//[aeiou]/_} ${s/#ab/AB} ${s/%gh/GH}
u=hello
echo ${u^^} ${u^} ${u,,}
p=/a/b/c.txt
echo ${p##*/} ${p%/*}
n=u
echo ${!n}
set -- 1 2 3 4
echo ${@:2} ${@:2:2}
