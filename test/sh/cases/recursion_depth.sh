count() { if [ $1 -gt 0 ]; then count $(($1 - 1)); else echo done; fi; }
count 100
sum=0
add() { sum=$((sum + $1)); [ $1 -gt 0 ] && add $(($1 - 1)); return 0; }
add 50
echo $sum
