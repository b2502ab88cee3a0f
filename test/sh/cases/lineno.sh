echo "line $LINENO"
f() {
  echo "in f $LINENO"
  nosuch_in_f
}

f
echo "back $LINENO"
x=$(echo $LINENO)
echo "sub $x"
eval 'echo "eval $LINENO"'
