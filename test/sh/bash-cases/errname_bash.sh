# Where bash's error messages say they come from: BASH_SOURCE[0] (the sourced file) or $0;
# set -u messages for array elements and declared-only arrays.
printf 'nosuch1\nf() { nosuch2; }\ncd /nonexistent\n' > lib.sh
. ./lib.sh
f
g() { nosuch3; }
g
bash -c '. ./lib.sh
g() { nosuch4; }
g' 2>&1
( set -u; a=(1); echo "${a[5]}" ) 2>&1
( set -u; declare -a q; q+=(1); echo "${q[@]}"; declare -a r=(); echo "[${r[@]}]" )
( set -u; declare -A m; echo "${m[@]}"; echo "${#m[@]}" ) 2>&1
echo end
