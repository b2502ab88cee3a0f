cd /
pwd
cd /tmp
pwd
echo $PWD $OLDPWD
cd -
cd /nonexistent
echo "status $?"
cd /usr/../bin/../
pwd
cd
pwd
CDPATH=/:/tmp
cd usr
cd - >/dev/null
cd /tmp/khsh
cd ./t
pwd
