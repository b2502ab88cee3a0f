echo start
if true; then
fi
