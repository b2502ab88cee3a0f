# compgen: -W lists (expanded, unsorted, duplicates kept), itemlists sorted, keywords in table order
# files: c.txt b a .h d1/x bin/mycmd:755 bin/mynox
myzz=1; myaa=2; f2(){ :; }; f1(){ :; }
shopt -s expand_aliases
alias zl=ls al=ls
export MYEXP=1
compgen -b c; compgen -b | head -4
compgen -k | tr '\n' ' '; echo
compgen -a
compgen -v my
compgen -A function
compgen -e MY
compgen -f | sort
compgen -f c
compgen -d
compgen -f d1/
compgen -W "z a  b z \$myzz {a,b}c ~" ; echo "W: $?"
compgen -W "ab ac b" -P "<" -S ">" a
compgen -W "ab ac bb" -X "a*"
compgen -W "ab ac bb" -X "!a*"
compgen -W "ab ac bb" -X "&c" a
compgen -W "x" y; echo "none: $?"
compgen; echo "noargs: $?"
compgen -A signal SIGHU
compgen -A setopt | head -3
compgen -A shopt | head -3
PATH=$PWD/bin:$PATH compgen -c my
myf(){ :; }; PATH=$PWD/bin compgen -c m
PATH=/nonexistent compgen -c zl
compgen -u roo
compgen -A builtin -A keyword ca
enable -n echo; compgen -A disabled; compgen -A enabled e
g(){ echo "args:$#:$*|${#COMP_WORDS[@]}|$COMP_CWORD|$COMP_LINE|$COMP_POINT"; COMPREPLY=(x y a1); return 3; }
compgen -F g a; echo "F: $?"; echo "after: ${COMPREPLY-unset} ${COMP_CWORD-unset}"
compgen -F nof a; echo "nof: $?"
compgen -C "echo q; echo a2" a
compgen -G "*.txt"
compgen -G "d*" -P x
compgen -o default -W zz c
compgen -o plusdirs -W zz d
compgen -o dirnames -W zz d
compgen -A bogus; echo "bogus: $?"
compgen -r; echo "r: $?"
compgen -o nosort -W "b a"
