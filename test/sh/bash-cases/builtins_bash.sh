# bash's versions of the shared builtins: option errors with usage lines, hash, umask -p,
# times, command -v/-V, return/break outside, alias, export -p/readonly -p, declare -p quoting,
# jobs order and text, --version.
unset -x; echo "unset $?"
read -q; echo "read $?"
cd -z; echo "cd $?"
read -a; echo "read -a $?"
hash
ls >/dev/null; ls >/dev/null; cat </dev/null
hash | sed 's#/usr/bin/#/bin/#'
hash -t ls | sed 's#/usr/bin/#/bin/#'
hash -d ls; hash | sed 's#/usr/bin/#/bin/#'
hash nosuch; echo "hash $?"
umask 022; umask; umask -S; umask -p; umask -pS
times | sed 's/[0-9]/N/g'
command -v cd; command -V cd nosuch; echo "command $?"
command -v nosuch; echo "command -v $?"
return; echo "return $?"
break; echo "break $?"
continue; echo "continue $?"
alias; alias ll='ls -l' la='ls -a'; alias ll; alias; unalias nope; alias zz; echo "alias $?"
x=$'a\nb\tc'; declare -p x
y='q"$`\'; declare -p y
declare -i n=3; export n
export -p | grep -E ' (n|HOME|OLDPWD)(=|$)'
readonly r=1; readonly -p | grep ' r='
sleep 1 & { sleep 1; echo x; } & sleep 1 &
jobs
wait
bash --version | head -1
bash --bogus 2>&1 | head -2; echo "bogus ${PIPESTATUS[0]}"
exit abc
echo never
