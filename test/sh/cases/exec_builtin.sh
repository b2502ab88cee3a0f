exec 3>ef
echo x >&3
cat ef
exec 3>&-
( exec echo from-exec; echo not reached )
( exec nosuch_exec ); echo "status $?"
( exec /tmp ); echo "dir status $?"
exec echo final
echo never
