set -x
echo hello
x=1 y="a b"
f() { echo "in f $1"; }
f arg
echo $(echo sub)
set +x
echo quiet
