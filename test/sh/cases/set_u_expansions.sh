set -u
echo "${unset_var:-default} ${unset_var-default2}"
echo "${unset_var+alt}x"
echo "${#}"
echo "$@"
: ${unset2=assigned}
echo "$unset2"
echo "${unset3}"
