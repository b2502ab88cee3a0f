x=$(nosuchcmd)
echo "status $?"
y=$(echo ${undefined?boom})
echo "status $?"
echo "[$y]"
