x='a*b*c'
echo "${x#*\*}" "${x#"*"}" "${x%\**}" "${x##*"*"}"
y='path/to/file'
echo "${y##*/}" "${y%/*}"
z='[abc]'
echo "${z#[}" "${z%]}" "${z#\[}"
p='a?'
echo "${p%?}" "${p%\?}" "${p%"?"}"
s='aaa'
echo ${s#a*} ${s##a*} ${s%a*} ${s%%a*}
e=''
echo "[${e#x}]"
