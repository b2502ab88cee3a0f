# files: a.txt b.txt
echo *.txt
set -f
echo *.txt
set +f
echo *.txt
