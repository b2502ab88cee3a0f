readonly ro=1
echo $ro
ro=2
echo never
