x=1 export y=2
echo "$x $y"
z=3 eval 'echo "in eval z=$z"'
echo "after eval z=${z-unset}"
f() { echo "f sees w=$w"; }
w=4 f
echo "after f w=${w-unset}"
v=5 .  /dev/null
echo "after dot v=${v-unset}"
