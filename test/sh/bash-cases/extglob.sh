# Extended patterns: shopt extglob for globs, case and ${..} operators; always inside [[ ]].
[[ abc == a@(b|c)c ]] && echo "cond without shopt"
x=ab
[[ $x == +(a|b) ]] && echo plus
[[ abab == *(ab) ]] && echo star-group
[[ "" == ?(z) ]] && echo empty-optional
[[ zz == !(z) ]] && echo "not z"
[[ z == !(z) ]] || echo "is z"
[[ "@(x)" == "@(x)" ]] && echo "quoted is literal"
p='@(q|r)'
[[ q == $p ]] && echo "pattern from a variable"
shopt -s extglob
: > a.c; : > b.h; : > c.o; : > .hidden.c
echo !(*.o)
echo *.@(c|h)
echo +([a-c]).?
echo @(nomatch|nothing)
case foo.txt in *.@(txt|md)) echo doc ;; *) echo other ;; esac
case x in !(y)) echo "not y" ;; esac
v=abc
echo "${v/+(b)/X}" "${v#?(a)}" "${v##@(a|ab)}"
w=aaab
echo "${w##*(a)}" "${w%%+(b)}"
echo "${w//@(a)/-}"
