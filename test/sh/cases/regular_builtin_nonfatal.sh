cd /nonexistent
echo "status $?"
read
echo "read status $?"
umask 999
echo "umask status $?"
getopts
echo "getopts status $?"
echo end
