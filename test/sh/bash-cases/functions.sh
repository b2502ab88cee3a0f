function a() { echo "a $1"; }
function b { echo "b $1"; }
c() { echo "c $1"; }
a 1; b 2; c 3
function d {
  echo "in ${FUNCNAME[0]} from ${FUNCNAME[1]}"
}
e() { d; echo "e is ${FUNCNAME[0]}"; }
e
echo "top [${FUNCNAME[0]}]"
