x=
echo ${x:?}
