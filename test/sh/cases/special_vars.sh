echo "$#"
set -- a
echo "$#" "$1"
echo "${0##*/}"
echo "[$-]"
false
echo "$?"
echo "$?"
x=$(echo $$) 
[ "$x" = "$$" ] && echo "same pid in cmdsub"
(echo $$) | { read p; [ "$p" = "$$" ] && echo "same pid in subshell"; }
echo "${!-nobg}"
true &
[ -n "$!" ] && echo "bg pid set"
wait
echo "$PPID" | grep -q . 2>/dev/null; echo ok
[ -n "$PPID" ] && echo "ppid set"
echo "$IFS" | od >/dev/null 2>&1
printf '%s' "$IFS" | { read -r v; echo "[$v]"; }
echo "${PS1+ps1set} ${PS2} ${PS4}"
echo "$OPTIND"
