x=1
: $((x += 2)) $((x *= 3))
echo $x
y=$((z = 4, 5)) 2>/dev/null
echo "y=${y-unset} z=${z-unset}"
