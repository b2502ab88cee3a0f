echo 'single $x `no` \n'
echo "double $HOME \$x \`no\` \\ \"q\" \a"
echo a\ b\$c\\d
x='a  b'
echo "$x" $x
echo ''"" x''y""z
echo "a
b"
echo 'it'\''s'
echo \
continued
echo "\
joined"
