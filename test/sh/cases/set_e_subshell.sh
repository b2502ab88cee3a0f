set -e
(echo in sub; false; echo not printed)
echo never
