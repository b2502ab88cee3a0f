# Each snippet runs in its own `sh -c` (as the differential probes ran them one by one).
echo "--- 0 $?"
sh -c 'set -o' 2>&1
echo "--- 1 $?"
sh -c 'set +o' 2>&1
echo "--- 2 $?"
sh -c 'set -o | cat | wc -l' 2>&1
echo "--- 3 $?"
sh -c 'cat /dev/null; true; hash' 2>&1
echo "--- 4 $?"
sh -c 'type cat; hash' 2>&1
echo "--- 5 $?"
sh -c 'hash cat; hash' 2>&1
echo "--- 6 $?"
sh -c 'set -a; x=1; env | grep "^x="' 2>&1
echo "--- 7 $?"
sh -c 'export -p | grep -c PATH' 2>&1
echo "--- 8 $?"
sh -c 'readonly -p' 2>&1
echo "--- 9 $?"
sh -c 'readonly a=1 b; readonly -p' 2>&1
echo "--- 10 $?"
sh -c 'export a="x y" b; export -p | grep " [ab]"' 2>&1
echo "--- 11 $?"
sh -c 'set | grep "^IFS="' 2>&1
echo "--- 12 $?"
sh -c 'set | grep -c "^PS1="' 2>&1
echo "--- 13 $?"
sh -c 'unset PS1; set | grep -c "^PS1="' 2>&1
echo "--- 14 $?"
sh -c 'f() { echo; }; set | grep -c "^f"' 2>&1
echo "--- 15 $?"
sh -c 'echo $- ; set -C; echo $-; set -o noclobber; echo $-' 2>&1
echo "--- 16 $?"
sh -c 'set -o allexport; echo $-' 2>&1
echo "--- 17 $?"
sh -c 'set -b; echo $-' 2>&1
echo "--- 18 $?"
sh -c 'set -E 2>&1; echo $-' 2>&1
echo "--- 19 $?"
sh -c 'times' 2>&1
echo "--- 21 $?"
sh -c 'umask 0; umask; umask -S' 2>&1
echo "--- 22 $?"
sh -c 'umask 7777 2>&1; umask' 2>&1
echo "--- 23 $?"
sh -c 'umask u=rwx,go=; umask' 2>&1
echo "--- 24 $?"
sh -c 'umask +x 2>&1; echo $?' 2>&1
echo "--- end $?"
