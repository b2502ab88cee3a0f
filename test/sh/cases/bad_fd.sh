echo ok
x=a
echo hi >&$x
echo never
