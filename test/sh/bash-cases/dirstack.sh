# pushd, popd, dirs and DIRSTACK; caller, FUNCNAME, BASH_SOURCE, BASH_LINENO.
mkdir -p a/b c
base=$PWD
HOME=$base
pushd a >/dev/null
pushd b
dirs
dirs -v
dirs -p
dirs -l | sed "s#$base#BASE#g"
pushd
pushd +1
popd
popd
popd
echo "status $?"
pushd
echo "status $?"
pushd -n c >/dev/null
dirs
popd -n >/dev/null
echo "${#DIRSTACK[@]}"
pushd /nonexistent
echo "status $?"
cd "$base"
f() {
  echo "${FUNCNAME[*]}|${BASH_LINENO[*]}"
  caller
  caller 0 | sed 's#/[^ ]*case.sh#SCRIPT#'
  caller 1
  echo "caller 1: $?"
}
g() { f; }
g
caller | sed 's#[^ ]*$#X#'
echo "${#BASH_SOURCE[@]} ${BASH_LINENO[*]} ${#FUNCNAME[@]}"
