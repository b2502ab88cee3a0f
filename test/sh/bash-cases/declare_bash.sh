declare x=1
echo $x
declare -i n=2+3
echo $n
f() { declare y=local; echo "in f $y"; }
f
echo "y=[${y-unset}]"
typeset z=9
echo $z
declare -x ex=exported
bash -c 'echo "child ex=$ex"' 2>/dev/null || sh -c 'echo "child ex=$ex"'
declare -r ro=1
ro=2
echo "after ro $?"
