# fc in a script: no history, so -l lists nothing, -s finds no command; option errors
fc -l; echo "l: $?"
fc -s; echo "s: $?"
fc -s a=b; echo "sub: $?"
fc; echo "plain: $?"
fc -e; echo "e: $?"
fc -x; echo "x: $?"
fc -l 1 2; echo "range: $?"
fc -e - ; echo "e-: $?"
