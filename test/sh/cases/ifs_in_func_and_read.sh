oldifs=$IFS
IFS=,
set -- a,b,c
echo "$#"
f() { echo "$#: $*"; }
f $1
IFS=$oldifs
line='x y z'
set -- $line
echo "$# $2"
