# coproc: NAME[0] reads the coprocess's output, NAME[1] writes its input, NAME_PID is $!
coproc { read x; echo "got $x"; read y; }
echo "${#COPROC[@]} ${COPROC[0]} ${COPROC[1]}"
[ -n "$COPROC_PID" ] && echo pid ok
[ "$COPROC_PID" = "$!" ] && echo bang ok
echo hello >&"${COPROC[1]}"
read -r line <&"${COPROC[0]}"
echo "line: $line"
echo bye >&"${COPROC[1]}"
wait $COPROC_PID; echo "st=$?"
echo "after: ${COPROC[@]-unset} ${COPROC_PID-unset}"
coproc MYCP { cat; }
echo "${MYCP[0]} ${MYCP[1]}"
echo abc >&${MYCP[1]}
eval "exec ${MYCP[1]}>&-"
read -r l <&${MYCP[0]}; echo "l=$l"
wait
echo "mycp: ${MYCP[@]-unset}"
coproc { echo simple; read x; }
read -r s <&${COPROC[0]}; echo "s=$s"
echo >&${COPROC[1]}
wait
coproc NAME2 echo notname
wait
echo "name2: ${NAME2[@]-unset}"
type coproc
f() { coproc cat; coproc X { echo a; }; coproc ( echo b ) >/dev/null; }
declare -f f
coproc ( exit 3 ); wait $COPROC_PID; echo "exit: $?"
echo done
coproc cat
eval "true ${COPROC[1]}>&-"
echo "closed: ${COPROC[@]}"
eval "exec ${COPROC[0]}<&-"
echo "both: ${COPROC[@]}"
coproc true
wait $!
echo "end: ${COPROC[@]-unset}"
# bash forgot fd 60 but the temporary close was undone: it is still open.
exec 60>&-
