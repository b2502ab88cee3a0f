# declare -f, declare -F and type print functions back as bash does (print_cmd.c).
f() {
  local a=1 b
  echo "x $a" 'y' > /dev/null 2>&1
  if [ -n "$a" ]; then echo yes; elif false; then :; else echo no; fi
  for i in 1 2 "$@"; do echo $i; continue; done
  for j; do :; done
  while read -r line; do echo "$line"; done < /etc/passwd
  until false; do break; done
  case $a in a|b) echo ab;; *) ;; esac
  x=$(echo sub) y=`echo bq`
  { echo grp; echo grp2; } | cat
  (cd /tmp && ls) || return 1
  [[ $a == 1 && -n $b ]] && (( a++ ))
  echo a; echo b &
  ! true
  cat <<EOT
here $a
EOT
  for ((i=0; i<3; i++)); do echo $i; done
  arr=(1 2 3)
  time sleep 0
  g() { echo inner; }
  echo "${a:-def}" ${#a} $((a + 1))
}

f() {
  echo a >&2; echo b 2>&1; cat <&3; exec 3<&-; exec 4>&-; echo x >> log; cat < in; cat 0< in; echo 1> o; echo >| o
  cat <<< "str"; cat 3<> rw; echo &> both; echo &>> both2; exec 5>&1; cat <&0; read x <&5
  for (( i = 0 ; i < 3 ; i++ )); do :; done
  for ((;;)); do break; done
  (( x = 1 + 2 ))
  cat <<-'END' > out
	tabbed
	END
  echo after
  a=1 b=2 cmd arg
  if true; then :; fi
  while :; do :; done &
  [[ ! -f x || ( -d y && $z =~ ^a.*$ ) ]]
  case x in (a) ;; b|c) echo ;& d) echo ;;& esac
  time -p echo
  ! echo | cat
  { echo; } 2>/dev/null
  echo "$(date)" `pwd`
}
type f
g() ( echo sub )
declare -f g
h() { echo h; } > /dev/null
declare -f h
a() { cat <<EOF
x
EOF
}
declare -f a
b() { cat <<EOF; echo next
y
EOF
}
type b
c() { echo 1 | while read x; do echo "$x"; done; }
declare -f c
d() { local x; x=$(( 1 + 2 )); [[ -n $x ]] || return; echo "${x}"; }
declare -F; declare -F d; declare -f nosuch; echo $?
e() { if a; then b; elif c; then d; fi; for x in a b; do :; done & }
declare -f e
f2() { { echo a; echo b; } > /dev/null 2>&1; (echo c); }
declare -f f2
declare -f f
