export 1abc=2
echo never
