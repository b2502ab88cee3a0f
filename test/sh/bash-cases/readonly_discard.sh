readonly r=1
echo before; r=2; echo "same line"
echo "next line $?"
