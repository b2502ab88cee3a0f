let x=5+3
echo $x
let "y = x * 2"
echo $y
let z=0; echo "let zero status $?"
let w=1; echo "let one status $?"
((a = 3 + 4))
echo $a
(( a > 5 )) && echo gt5
(( a < 5 )) || echo notlt5
((b=a++)); echo "$a $b" 2>/dev/null
i=0
while (( i < 3 )); do echo "i=$i"; ((i++)) || true; done
echo $((2**10)) 2>/dev/null
