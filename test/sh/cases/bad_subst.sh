echo ok
echo ${x!}
echo never
