# files: f x:755 none:000 su:4755 sg:2755 sk:1755 d/e
# args: one two
# Each unary operator of bash's test (unary_test), true and false.
t() { test "$@"; echo "$*:$?"; }
echo data > s; ln -s f lnk; ln -s missing dangling
t -a f; t -a nope; t -e d; t -e nope; t -e ''
t -f f; t -f d; t -f /dev/null; t -f nope; t -f lnk
t -d d; t -d f; t -d lnk
t -b /dev/null; t -b f; t -c /dev/null; t -c f
t -p f; t -p nope; t -S f; t -S nope
t -h lnk; t -h f; t -h dangling; t -h ''; t -L lnk; t -L d; t -e dangling
t -s s; t -s f; t -s nope
t -u su; t -u f; t -g sg; t -g f; t -k sk; t -k f
t -r f; t -r none; t -r nope; t -w none; t -w nope; t -x x; t -x f; t -x d; t -x none
t -O f; t -O nope; t -G f; t -G nope; t -N nope; t -N f
t -t 0; t -t 1x; t -t ' 0'; t -t -1; t -t 99999999999; t -t x
t -n ''; t -n a; t -z ''; t -z a
set -o noglob
t -o noglob; t -o errexit; t -o nosuch; t -o ''; t -o pipefail; t -o braceexpand
set +o noglob; t -o noglob
v=1 e= ; a=(x y); unset u
t -v v; t -v e; t -v u; t -v a; t -v 'a[1]'; t -v 'a[2]'; t -v 'a[@]'
t -v 0; t -v 1; t -v 2; t -v 3; t -v -1; t -v ' 2 '; t -v 01; t -v PATH
declare -n ref=v; declare -n dref
t -R ref; t -R v; t -R dref; t -R nope; t -v ref
t -e /dev/stdin; t -r /dev/stdin; t -w /dev/fd/1; t -x /dev/fd/0; t -e /dev/fd/x
