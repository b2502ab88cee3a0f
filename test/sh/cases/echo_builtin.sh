echo plain
echo -n nonl
echo
echo 'tab\there'
echo 'nl\nhere'
echo 'oct\0101'
echo 'cut\cnever'
echo after
echo -e not-an-option
echo -- dashdash
echo -n -n x
echo
/bin/echo 'coreutils\tno escapes'
/bin/echo -e 'with\te'
/bin/echo -n x; /bin/echo y
