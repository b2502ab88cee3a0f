# shopt: listing, -p/-q, nullglob, failglob, dotglob, globskipdots, nocasematch, expand_aliases.
: > b; : > c; : > .hid; mkdir d
echo .*
echo */
echo *
shopt -s dotglob
echo *
shopt -u dotglob
shopt -p nullglob
shopt -q nullglob; echo "q $?"
shopt -s nullglob
shopt nullglob
echo x* y
for f in none*; do echo "never $f"; done
shopt -u nullglob
shopt -s bogus; echo "bogus $?"
echo "$BASHOPTS"
shopt -s nocasematch
case ABC in abc) echo nocase-case ;; esac
[[ XyZ == xyz ]] && echo nocase-cond
shopt -u nocasematch
[[ XyZ == xyz ]] || echo case-again
alias say=echo
say hi 2>/dev/null || echo "no aliases"
shopt -s expand_aliases
alias say=echo
say aliased
shopt -s failglob
echo x*; echo same-line
echo "after $?"
for i in q*; do :; done
echo end
shopt | head -3
shopt -s | head -3
