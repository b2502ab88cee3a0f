name=target
target=value
echo ${!name}
ref=name
echo ${!ref}
echo "${!missing}"
echo never
