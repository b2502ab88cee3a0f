alias ll='echo hi'; ll
alias a='echo A '
alias b='B'
a b
alias x='echo'
x x
alias r='r2'
alias r2='echo r2-ran'
r
alias c='case'
c x in x) echo kw-from-alias;; esac
alias s='echo one; echo two'
s
alias w='echo w '
alias v='vv'
w v
alias
alias c
alias nope
unalias c
unalias c
"x" quoted
f() { x in-function; }
f
