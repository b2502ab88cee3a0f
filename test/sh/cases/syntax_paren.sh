echo a
echo ( b
