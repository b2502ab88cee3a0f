re='^[0-9]+$'
for v in 123 12a ''; do
  if [[ $v =~ $re ]]; then echo "num $v"; else echo "not $v"; fi
done
if [[ "key=value" =~ ^([a-z]+)=(.*)$ ]]; then
  echo "${BASH_REMATCH[0]} ${BASH_REMATCH[1]} ${BASH_REMATCH[2]}"
fi
[[ abc =~ b ]] && echo substring
[[ a.c =~ a\.c ]] && echo escaped
[[ abc =~ "a.c" ]] || echo quoted-literal
[[ x =~ (a|x) ]] && echo "alt ${BASH_REMATCH[1]}"
