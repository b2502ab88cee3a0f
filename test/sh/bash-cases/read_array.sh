# read -a, IFS splitting into arrays, mapfile/readarray.
read -a arr <<< "a b  c"
echo "${#arr[@]}" "${arr[1]}" "${arr[2]}"
IFS=, read -ra p <<< "1,2,,3"
echo "${#p[@]}"; printf '<%s>' "${p[@]}"; echo
mapfile -t L <<< $'x\ny\nz'
echo "${#L[@]}" "${L[1]}"
printf 'one\ntwo\nthree\nfour\n' > f.txt
mapfile lines < f.txt
printf '[%s]' "${lines[@]}"; echo
readarray -t -s 1 -n 2 mid < f.txt
echo "${mid[@]}"
mapfile -t < f.txt
echo "${MAPFILE[3]}"
mapfile -t -O 5 off < f.txt
echo "${!off[@]}"
mapfile -d , -t parts <<< "a,b,c"
printf '<%s>' "${parts[@]}"; echo
echo "1 2 3" | { read -a piped; echo "${piped[2]}"; }
read -r -a esc <<< 'a\ b c'
echo "${#esc[@]}" "${esc[0]}"
read -a esc2 <<< 'a\ b c'
echo "${#esc2[@]}" "${esc2[0]}"
