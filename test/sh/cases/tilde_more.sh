HOME=/home/user
echo ~ ~/ ~/a/b
echo x~ a=~ ~:~
v=~:~/x:a~
echo $v
echo "~" "$HOME"
unset HOME
echo ~
HOME=''
echo "[~]" [~]
echo ~root/x
