x='echo evaluated'
eval $x
eval "y=1; echo \$y"
eval 'for i in 1 2; do echo "loop $i"; done'
eval
echo "empty eval $?"
eval false; echo $?
cmd='echo a; echo b'
eval "$cmd"
