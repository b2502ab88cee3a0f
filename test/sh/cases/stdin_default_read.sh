while read -r line; do
  echo "got: $line"
done
echo "eof"
