umask 077
: > private
umask 022
: > public
umask
echo done
