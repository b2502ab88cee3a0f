break() { :; }
