x=v
echo "${x:+"inner quoted"}" "${x:+a b}" ${x:+"c  d"}
echo "${y:-"$x"}" "${y:-'$x'}"
echo "$(echo "a"b"c")"
echo "`echo \"bq\"`"
echo ${x#"v"}end
echo "a${x}b" 'a${x}b' a"$x"b
