s="Hello, World"
echo "${#s}"
echo "${s%,*}"
echo "${s#*, }"
file=archive.tar.gz
echo "${file%%.*} ${file#*.} ${file%.*}"
path=/a/b/c/
echo "${path%/}"
v=abcabc
echo "${v%b*}" "${v%%b*}" "${v#*b}" "${v##*b}"
