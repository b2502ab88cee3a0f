set -e
x=$(false) || true
echo "after cmdsub-or"
if ! false; then echo "negation ok"; fi
while false; do :; done
echo "loop ok"
f() { false; return 0; }
f
echo "f returned 0"
g() { return 1; }
g || echo "g failed handled"
(false) || echo "subshell failed handled"
false | true
echo "pipeline ok"
{ false; }
echo never
