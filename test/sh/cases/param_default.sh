unset x
echo "1 ${x-def} ${x:-def} ${x+alt} ${x:+alt}"
x=
echo "2 ${x-def} ${x:-def} ${x+alt} ${x:+alt}"
x=val
echo "3 ${x-def} ${x:-def} ${x+alt} ${x:+alt}"
unset y
echo "4 ${y=assigned} $y"
y=
echo "5 ${y:=again} $y"
z=
echo "6 ${z=no} [$z]"
echo "7 ${u:-$HOME} ${u:-'q u'} ${u:-"d q"}"
set -- a b
echo "8 ${1:-x} ${3:-three} ${#} ${#1}"
