a=1
b=a
echo ${x:-${y:-${a}}}
echo "${x:-"${y:-inner}"}"
echo ${x:-$(echo cmd)}
echo ${x:-$((1+2))}
echo ${a:+${b}}
c='a b'
echo ${x:-$c} "${x:-$c}"
