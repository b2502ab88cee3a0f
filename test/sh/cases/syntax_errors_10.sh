echo `echo a
