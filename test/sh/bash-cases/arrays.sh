arr=(one two three)
echo ${arr[0]} ${arr[1]} ${arr[2]}
echo ${#arr[@]}
echo "${arr[@]}"
for x in "${arr[@]}"; do echo "[$x]"; done
arr[3]=four
echo ${#arr[@]} ${arr[3]}
i=1
echo ${arr[i]} ${arr[$i]} ${arr[i+1]}
echo $arr
empty=()
echo "${#empty[@]}"
arr+=(five)
echo "${arr[@]}"
echo ${#arr[1]}
