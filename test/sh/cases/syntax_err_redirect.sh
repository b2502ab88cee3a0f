echo start
cat < 
