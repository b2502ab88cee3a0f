set -- a bb ccc
echo ${#1} ${#2} ${#*} ${#@} ${##} ${#}
x=hello
echo ${#x}
echo ${#?}
unset u
echo ${#u}
