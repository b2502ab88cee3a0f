f() { printf '<%s>' "$@"; echo " $#"; }
IFS=:
x='::a::b::'
f $x
x=':'
f $x
x='a:'
f $x
x='a: b'
f $x
IFS=': '
x=' : a : : b '
f $x
x='a :b'
f $x
IFS='x'
x='axxbx'
f $x
IFS='-+'
x='a-+b'
f $x
