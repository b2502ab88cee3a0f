# declare -n / local -n namerefs, declare -l / -u, [[ -v ]] and [[ -o ]], |&.
declare -n r=x
x=5
echo "$r"
r=7
echo "$x" "${!r}"
declare -p r
unset r
echo "${x-gone}"
unset -n r
declare -p r 2>&1 | sed 's/^.*line [0-9]*: //'
setit() { local -n ref=$1; ref=changed; }
v=orig
setit v
echo "$v"
fill() { local -n arr=$1; arr=(a b c); arr[5]=z; }
fill list
echo "${list[@]}" "${!list[@]}"
count() { local -n a=$1; echo "${#a[@]}"; }
count list
declare -A m=([k]=v)
getk() { local -n h=$1; echo "${h[k]}"; }
getk m
declare -n el='list[1]'
echo "$el"
declare -l low=ABC
declare -u up=abc
echo "$low $up"
low=MiXeD; up=MiXeD
echo "$low $up"
declare -p low up
[[ -v HOME ]] && echo set
[[ -v nope ]] || echo unset
a=(1)
[[ -v a[0] ]] && echo elem
[[ -v a[3] ]] || echo no-elem
[[ -o errexit ]] || echo no-errexit
set -o pipefail
[[ -o pipefail ]] && echo pipefail-on
set +o pipefail
echo hi |& cat
{ echo out; echo err >&2; } |& sed 's/^/got: /'
ls /nonexistent-dir |& sed 's/^ls: //'
echo "${PIPESTATUS[@]}"
