local x
echo never
