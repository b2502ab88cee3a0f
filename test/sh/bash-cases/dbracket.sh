x=abc
[[ $x == abc ]] && echo eq
[[ $x == a* ]] && echo glob
[[ $x == "a*" ]] || echo quoted-no-glob
[[ $x != b* ]] && echo ne
[[ -n $x && -z $y ]] && echo n-z
[[ ! -f /nonexistent ]] && echo notfile
[[ -d / ]] && echo dir
[[ -e /bin/sh ]] && echo exists
[[ 5 -lt 10 ]] && echo lt
[[ 10 -ge 10 ]] && echo ge
[[ 2+3 -eq 5 ]] && echo arith-eq
[[ abc < abd ]] && echo strlt
[[ ( $x == abc || $x == x ) && ! $x == z ]] && echo grouped
[[ $undefined ]] || echo empty-false
[[ $x ]] && echo nonempty-true
v="a b"
[[ $v == "a b" ]] && echo no-split
[[ -z "" ]] && echo zero
if [[ $x = abc ]]; then echo single-eq; fi
