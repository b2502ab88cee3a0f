PS4='>> '
set -x
echo a
PS4='[$((1+1))] '
echo b
: "quoted   arg" 'x y'
{ echo grouped; } 2>/dev/null
set +x
