umask
umask 027
umask
umask -S
umask u=rwx,g=rx,o=
umask
ulimit -c
ulimit -c 0
ulimit -c
ulimit -n 100
ulimit -n
ulimit -H -n
