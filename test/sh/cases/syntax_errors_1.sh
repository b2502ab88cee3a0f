echo a
then
