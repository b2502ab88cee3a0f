echo out1
echo err1 >&2
echo out2
echo err2 >&2
nosuch
echo out3
