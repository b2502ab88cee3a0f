# bash's special variables: LINENO, FUNCNAME, BASH_VERSINFO, $-, PIPESTATUS, BASH_SUBSHELL,
# RANDOM seeding, SECONDS, UID/EUID, SHELLOPTS/BASHOPTS.
echo "line $LINENO"
f() {
  echo "in ${FUNCNAME[0]} at $LINENO"
}
f
echo "${BASH_VERSINFO[0]}.${BASH_VERSINFO[1]}" "${#BASH_VERSINFO[@]}"
echo "$-"
false | true | (exit 3)
echo "${PIPESTATUS[@]}"
g() { false | true; }
g
echo "${PIPESTATUS[@]}"
(exit 4)
echo "${PIPESTATUS[@]}"
x=$(exit 5)
echo "${PIPESTATUS[@]}"
if false; then :; fi
echo "${PIPESTATUS[@]}"
! true | false
echo "${PIPESTATUS[@]} $?"
echo "$BASH_SUBSHELL" "$(echo $BASH_SUBSHELL)" | cat
(echo "$BASH_SUBSHELL"; (echo "$BASH_SUBSHELL"))
RANDOM=42; r1=$RANDOM; RANDOM=42; r2=$RANDOM
[ "$r1" = "$r2" ] && echo "seeded"
case $RANDOM in *[!0-9]*) echo bad;; *) echo number;; esac
echo "$SECONDS" | grep -c '^[0-9]*$'
echo "$UID $EUID"
echo "$SHELLOPTS"
set -o pipefail -u
echo "$SHELLOPTS"
echo "$-"
set +u
[[ $BASHPID == "$$" ]] && echo same-pid
(( ${#BASHPID} > 0 )) && echo has-pid
echo "$OSTYPE $HOSTTYPE"
