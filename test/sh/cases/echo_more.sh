echo -n
echo -n -e x
echo
echo "\\"
echo '\\'
echo 'a\bb'
echo '\0'
echo '\07\07' | cat > /dev/null
echo '\x41'
echo -nx
echo -- -n
echo '\c'
echo last
