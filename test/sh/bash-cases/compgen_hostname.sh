# compgen -A hostname: the names of $HOSTFILE in file order (addresses skipped only when they start with a digit)
printf '127.0.0.1\tlocalhost\n127.0.1.1\tkhelper # the box\n\n# comment\n  ::1     localhost ip6-localhost\nff02::1 ip6-allnodes\n' > hosts
HOSTFILE=$PWD/hosts
compgen -A hostname | tr '\n' ' '; echo
compgen -A hostname ip6-a
compgen -A hostname -P '<' loc
