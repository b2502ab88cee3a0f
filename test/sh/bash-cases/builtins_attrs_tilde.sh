# export -n, declare +l/+i, unset NAME falling back to the function, ~+ and ~-, and =~ words
# with escaped blanks or quotes; recorded against bash 5.2.
declare -l L=ABC; echo $L; declare +l L; L=XY; echo $L
declare -x E=1; export -n E; env | grep -c '^E='; echo $E; export -n F=2; echo $F; env | grep -c '^F='
declare -i n=3; declare +i n; n=1+1; echo $n
unset -f nofunc; echo $?; f() { :; }; unset f; type f 2>&1; g=1; g() { echo gf; }; unset g; g; echo ${g-unset}
cd /tmp; echo ~+; cd /; echo ~-; echo ~+/x
[[ 'x y' =~ x\ y ]] && echo re; [[ 'x y' =~ x' 'y ]] && echo re2; [[ 'x y' =~ "x y" ]] && echo re4
x='a b'; [[ $x =~ ^(a|c)\ b$ ]] && echo ${BASH_REMATCH[1]}; [[ 'a(b' =~ a\( ]] && echo p
