x=1 (echo)
