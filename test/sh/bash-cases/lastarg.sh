# $_: the last argument of the previous simple command (bash sets it in scripts too; '' after an
# assignment), untouched by [[ ]], (( )), case and subshells; commands get _=PATH in their environment.
(exit 7); { echo grp; }; echo "$_"
echo a b; echo "[$_]"
true x; echo "[$_]"
f() { echo "in[$_]"; }; f q; echo "[$_]"
: a; { echo grp; }; echo "[$_]"
x=1; echo "[$_]"
echo a; x=1; echo "[$_]"
(echo sub); echo "[$_]"
echo a | cat; echo "[$_]"
for i in 1 2; do :; done; echo "[$_]"
echo a >/dev/null; echo "[$_]"; [[ x ]]; echo "[$_]"; (( 1 )); echo "[$_]"; echo b; case x in x) ;; esac; echo "[$_]"
/usr/bin/printenv _
/usr/bin/env | grep -c '^_='
export _; echo x; /usr/bin/printenv _
set -a; echo y; /usr/bin/env | grep '^_='
