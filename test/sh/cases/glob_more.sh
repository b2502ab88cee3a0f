# files: d/a d/ab d/abc d/.x d/.y d/[x] d/a-b d/b.c d/sub1/f d/sub2/f d/sub2/g
cd d
echo a*
echo a?
echo ??
echo [a-b]*
echo [!a]*
echo .[!.]*
echo \[x\] "[x]" [[]x]
echo *-*
echo sub*/f
echo sub*/*
echo */f
echo */
echo nonexist/*
echo a[
echo [
x='a*'
echo $x "$x"
set -- a*
echo $#
echo *.c
echo [[:alpha:]]-b
echo [[:digit:]]* 
