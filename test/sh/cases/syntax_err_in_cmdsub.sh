echo start
x=$(echo ; if)
echo never
