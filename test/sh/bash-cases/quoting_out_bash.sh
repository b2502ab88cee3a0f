# How bash quotes values it prints: printf %q, set, declare -p, ${x@Q}.
printf '%q\n' $'a\nb' "it's" '' 'a b' '~x' 'x~' '#a' 'a#' 'a=b' '[x]' 'a,b' '-x' 'a@b%c+d:e/f.g-h_i' $'\t' 'é'
x=abc y='a b' z=$'q\n' w="it's" e=
a=(1 "2 3")
f() { echo "$1"; }
set | grep -E '^(x|y|z|w|e|a)='
set | sed -n '/^f ()/,$p'
declare -p x y z w e a
echo "${y@Q} ${z@Q} ${w@Q} ${e@Q}"
