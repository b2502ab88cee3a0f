false | true; echo "off $?"
set -o pipefail
false | true; echo "on $?"
true | false | true; echo "middle $?"
sh -c 'exit 3' | sh -c 'exit 4' | true; echo "rightmost $?"
set +o pipefail
false | true; echo "off again $?"
