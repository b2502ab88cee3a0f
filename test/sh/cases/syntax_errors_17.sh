echo 'unterminated
more
