until
do :; done
