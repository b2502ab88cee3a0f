is_even() { [ $(( $1 % 2 )) -eq 0 ]; }
for n in 1 2 3 4; do
  if is_even $n; then echo "$n even"; else echo "$n odd"; fi
done
max() { if [ $1 -gt $2 ]; then echo $1; else echo $2; fi; }
echo "max $(max 3 7) $(max 9 2)"
