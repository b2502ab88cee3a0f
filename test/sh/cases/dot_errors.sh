printf 'echo in file\nfi\n' > bad.sh
. ./bad.sh
echo never
