echo a; }
