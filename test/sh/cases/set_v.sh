set -v
echo visible
x=1; y=2
if true; then
  echo nested
fi
set +v
echo quiet
