unset 'a b'
echo never
