x=/usr/local/lib/file.tar.gz
echo ${x#*/} ${x##*/} ${x%.*} ${x%%.*}
echo ${x#/usr} ${x%gz} ${x%%/*}x
y=aaabbb
echo ${y#a} ${y##a*} ${y%b} ${y%%b*} ${y#x}
echo ${#x} ${#y} ${#nope}
p='*'
echo "${y#$p}" "${y#"$p"}"
echo ${y#[ab]} ${y%[!a]}
z='a*b'
echo ${z#a\*} ${z%"*b"}
echo "${x##*"/"}"
