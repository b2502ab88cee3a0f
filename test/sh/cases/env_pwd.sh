echo $PWD
cd /
echo $PWD $OLDPWD
sh -c 'echo "child PWD=$PWD"'
cd /tmp/khsh/t
echo $PWD
PWD=/fake
pwd
cd .
echo $PWD
