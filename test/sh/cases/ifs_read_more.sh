IFS=' ' read a b <<EOF
   lead   trail   
EOF
echo "[$a][$b]"
IFS=, read a b c <<EOF
1,,3
EOF
echo "[$a][$b][$c]"
IFS=', ' read a b <<EOF
x , y , z
EOF
echo "[$a][$b]"
IFS= read a <<EOF
  keep spaces  
EOF
echo "[$a]"
read a b <<EOF
a\ b c\\d
EOF
echo "[$a][$b]"
IFS=: read -r a b <<EOF
a\:b:c
EOF
echo "[$a][$b]"
