# files: g/a.txt g/b.txt g/c.dat g/.hidden g/sub/x.txt g/B.txt g/_u.txt
cd g
echo *
echo *.txt
echo ?.txt
echo [ab].txt
echo [!a]*.txt
echo .*
echo */*
echo sub/*.txt
echo nomatch*
echo "*" '*.txt'
echo \*
x='*.dat'
echo $x "$x"
echo [a-b]*
echo [[:upper:]]*
echo *.{txt,dat}
echo g/../g/*.dat 2>/dev/null
