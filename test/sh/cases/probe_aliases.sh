# Each snippet runs in its own `sh -c` (as the differential probes ran them one by one).
echo "--- 0 $?"
sh -c 'alias ll='\''echo hi'\''; ll' 2>&1
echo "--- 1 $?"
sh -c 'alias ll='\''echo hi'\''
ll
ll x' 2>&1
echo "--- 2 $?"
sh -c 'alias a='\''echo A '\''
alias b='\''B'\''
a b' 2>&1
echo "--- 3 $?"
sh -c 'alias x='\''echo'\''
x x' 2>&1
echo "--- 4 $?"
sh -c 'alias r='\''r2'\''
alias r2='\''echo r2-ran'\''
r' 2>&1
echo "--- 5 $?"
sh -c 'alias ls='\''ls -d'\''
ls /' 2>&1
echo "--- 6 $?"
sh -c 'alias e='\''echo'\''
alias
alias e
alias nope
unalias e
unalias e
e after' 2>&1
echo "--- 7 $?"
sh -c 'alias c='\''case'\''
c x in x) echo kw-from-alias;; esac' 2>&1
echo "--- 8 $?"
sh -c 'alias i='\''if true; then echo in-if; fi'\''
i' 2>&1
echo "--- 9 $?"
sh -c 'alias s='\''echo a; echo b'\''
s' 2>&1
echo "--- 10 $?"
sh -c 'alias q="echo '\''quoted value'\''"
q' 2>&1
echo "--- 11 $?"
sh -c 'alias zz='\''echo zz'\''
f() { zz; }
f' 2>&1
echo "--- 12 $?"
sh -c 'alias t='\''echo'\''
"t" quoted' 2>&1
echo "--- 13 $?"
sh -c 'alias t='\''echo'\''
t\
x' 2>&1
echo "--- 14 $?"
sh -c 'alias mk='\''x=1'\''
mk; echo $x' 2>&1
echo "--- 15 $?"
sh -c 'alias d='\'':'\''
d > /dev/null; echo ok' 2>&1
echo "--- 16 $?"
sh -c 'alias n='\''echo n'\''
! n' 2>&1
echo "--- 17 $?"
sh -c 'alias p='\''echo p'\''
true && p; p | cat' 2>&1
echo "--- 18 $?"
sh -c 'alias z='\'''\''
z echo empty-alias' 2>&1
echo "--- 19 $?"
sh -c 'alias w='\''echo w '\''
alias v='\''vv'\''
w v' 2>&1
echo "--- end $?"
