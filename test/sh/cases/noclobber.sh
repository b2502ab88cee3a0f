set -C
echo first > nc
echo second > nc
echo "status $?"
echo forced >| nc
cat nc
set +C
echo third > nc
cat nc
