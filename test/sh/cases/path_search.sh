# files: bin1/tool:755 bin2/tool:755 bin3/notexec:644 dir4/cmd/x
printf '#!/bin/sh\necho tool one\n' > bin1/tool
printf '#!/bin/sh\necho tool two\n' > bin2/tool
PATH=$PWD/bin1:$PWD/bin2:$PATH
tool
PATH=$PWD/bin2:$PWD/bin1:$PATH
tool
PATH=$PWD/bin3:$PATH
notexec
echo "notexec status $?"
PATH=$PWD/dir4:$PATH
cmd
echo "dir status $?"
PATH=
nothing
echo "empty path $?"
