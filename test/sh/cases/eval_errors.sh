eval 'echo ok; if'
echo never
