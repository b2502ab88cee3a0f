if true
then
fi
while :
