cat > conf <<'EOF'
# comment
name=value
 spaced = padded 
empty=
key=with=equals
EOF
while IFS='=' read -r k v; do
  case $k in
    ''|\#*) continue;;
  esac
  printf '[%s]=[%s]\n' "$k" "$v"
done < conf
