for ((i = 0; i < 3; i++)); do echo "i=$i"; done
for ((j = 10; j > 0; j -= 4)); do echo "j=$j"; done
for ((;;)); do echo once; break; done
for ((k = 0; k < 5; k++)); do
  ((k == 1)) && continue
  ((k == 3)) && break
  echo "k=$k"
done
