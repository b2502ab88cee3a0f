# complete stores compspecs and prints them back as bash does; compopt changes their options
complete -W "a b" -P pre -S suf -X "*x" -o nospace -o default -F myf foo bar
complete -A function -b -c -v -d -f -a -e -k -u -j -s -g baz
complete -C "cmd x" -G "*.c" q
complete -D -o bashdefault
complete -E -W x
complete -I -A user
complete -F _it "odd name"
complete -p
echo ---
complete -p foo nosuch
echo "p: $?"
complete -r foo
complete -p foo
complete -r nosuch
echo "r: $?"
compopt -o filenames baz
compopt +o default bar
complete -p baz bar
compopt baz
compopt -o bogus q
echo "bogus: $?"
compopt nosuch
echo "nosuch: $?"
compopt
echo "none: $?"
complete -A bogus x
echo "action: $?"
complete -F "a b" x
echo "F: $?"
complete -W x
echo "usage: $?"
complete -Z
echo "Z: $?"
complete
echo ---
complete -r
complete -p
echo "empty: $?"
complete -W one x; complete -W two x; complete -p x
