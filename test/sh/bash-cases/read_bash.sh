read <<< "into reply"
echo "$REPLY"
read -n 3 three <<< "abcdef"
echo "$three"
read -d : upto <<< "aa:bb"
echo "$upto"
read -r -a arr <<< "1 2 3" 2>/dev/null || true
echo done
