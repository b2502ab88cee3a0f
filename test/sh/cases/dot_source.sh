echo 'echo sourced $1; val=42; return 3; echo no' > lib.sh
. ./lib.sh
echo "status $? val=$val"
. ./missing.sh
echo never
