if true; then
  echo inside
