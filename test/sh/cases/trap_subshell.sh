trap 'echo parent exit' EXIT
trap '' HUP
(trap; echo in subshell)
echo "$(trap)"
( trap 'echo sub exit' EXIT; echo sub )
