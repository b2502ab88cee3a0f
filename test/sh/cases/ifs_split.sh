f() { echo "$#:$1:$2:$3:$4"; }
x=' a  b '
f $x
IFS=:
y='a::b:'
f $y
y=':a'
f $y
IFS=' :'
y=' a : b : '
f $y
y='a  :  : b'
f $y
IFS=
z='a b'
f $z
unset IFS
w=' x  y '
f $w
IFS=' 	
'
v="1	2
3"
f $v
f pre${x}post
e=''
f $e "" $e
