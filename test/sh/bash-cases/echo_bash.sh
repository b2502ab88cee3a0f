echo -n "no newline"
echo
echo -e "tab\there"
echo -e "oct\0101 nul:\0 end"
echo "no\tescape"
echo -E "explicit\tnone"
echo -ne "a\nb\n"
echo -e '\x41\e[0m' | cat -v 2>/dev/null || echo
echo -- -n
echo -en "x\n"
