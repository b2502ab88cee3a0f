if x=$(false); then echo yes; else echo "no $?"; fi
if x=$(true); then echo "yes [$x]"; fi
y=$(echo out; exit 3)
echo "$? $y"
z=$(echo a) w=$(exit 2)
echo "$?"
