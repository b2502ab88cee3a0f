s="The quick brown fox"
echo ${s:4:5} ${s: -3} ${s:4:-4}
echo ${s/quick/slow} ${s// /_} ${s/#The/A} ${s/%fox/dog}
echo ${s^^} ${s,,}
w=word
echo ${w^} ${w^^[or]} 2>/dev/null || true
arr=(one two three)
echo ${arr[@]:1} ${arr[@]:0:2}
echo ${#arr[1]} ${arr[@]/o/0}
set -- a b c d
echo ${@: -2} ${*:2:1}
