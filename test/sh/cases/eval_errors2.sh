eval 'echo ${x?eval msg}'
echo never
