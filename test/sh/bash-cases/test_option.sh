# args: one two
# test -o NAME and [[ -o NAME ]] read bash's `set -o` table (minus_o_option_value); -v N and
# [[ -v N ]] take legal_number's blanks.
for o in allexport braceexpand emacs errexit errtrace functrace hashall histexpand history ignoreeof interactive-comments keyword monitor noclobber noexec noglob nolog notify nounset onecmd physical pipefail posix privileged verbose vi xtrace bogus ''; do
  test -o "$o"; a=$?; [[ -o $o ]]; echo "$o:$a:$?"
done
set -o pipefail -o errtrace -o physical -o noclobber -o allexport -f
for o in pipefail errtrace physical noclobber allexport noglob; do
  test -o "$o"; a=$?; [ -o "$o" ]; b=$?; [[ -o $o ]]; echo "$o:$a:$b:$?"
done
set +o pipefail +E +P +C +a +f; test -o pipefail; echo $?; [[ -o noglob ]]; echo $?
[[ -v ' 1' ]]; echo $?; [[ -v '2 ' ]]; echo $?; [[ -v 3 ]]; echo $?; [[ -v -1 ]]; echo $?; [[ -v 0 ]]; echo $?
a=(x); [[ -v a ]]; echo $?; [[ -v 'a[0]' ]]; echo $?; [[ -v 'a[1]' ]]; echo $?; unset a; [[ -v a ]]; echo $?
