printf 'line1\nline2\n' > f.txt
x=$(<f.txt)
echo "$x"
y=$(< f.txt)
echo "[$y]"
