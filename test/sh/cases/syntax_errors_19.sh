echo a
if true; then fi
