echo ok; ;
