echo $(echo hello) `echo world`
x=$(printf 'a\nb\n\n\n')
echo "[$x]"
echo "$(echo "nested $(echo deep)")"
echo `echo \`echo inner\``
y=$(false); echo $?
y=$(exit 7); echo $?
echo $(echo a; echo b)
z="$(echo '  spaced  ')"
echo "[$z]"
echo $( echo ')' )
echo $(case x in x) echo casein;; esac)
echo "$(cat <<EOF
heredoc in cmdsub
EOF
)"
