[[ -n $BASH_VERSION ]] && echo "has version"
case $BASH_VERSION in 5.2*) echo "5.2";; esac
echo "$0" | grep -q case.sh 2>/dev/null; echo $#
