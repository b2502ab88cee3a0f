echo ~ ~/x ~root
x=~/path
echo $x
y=a:~/b:~
echo $y
echo "~" '~' \~ ~nosuchuser
HOME=/custom
echo ~
