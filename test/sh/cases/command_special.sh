command set -o nosuch
echo "survived $?"
command eval 'echo in eval'
command exit 3
echo not reached
