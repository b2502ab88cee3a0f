# ${!name<op>}: the operator applies to the variable the name holds (${!y:-d}, ${!y#p}, ${!1%x}, ${!r/a/b}).
y=z; echo "${!y:-d}" "${!y-e}" "[${!y+p}]"; z=hello; echo ${!y:-d} ${!y#he} ${!y/l/L} ${!y:1:2} ${#z} "${!y^^}" "[${!y+p}]"
set -- z; echo ${!1:-x} ${!1%lo}
unset q; echo "${!q:-dflt}"; echo after $?
a=(1 2); r='a[1]'; echo ${!r:-none} ${!r/2/two}
