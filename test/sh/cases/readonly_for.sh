readonly i=1
for i in 2 3; do echo $i; done
echo never
