a=5
b=a
echo $((a)) $(($a)) $((${a}+1))
echo $(( b ))
c=
echo $((c + 1))
d='3 * 2'
echo $(( $d ))
echo $(( 1 + $(echo 2) ))
e=0x0f
echo $((e)) $((e + 010))
