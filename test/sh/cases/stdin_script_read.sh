read a
echo "got [$a]"
cat
