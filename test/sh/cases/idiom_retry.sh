attempt=0
until [ $attempt -ge 3 ]; do
  attempt=$((attempt + 1))
  if [ $attempt -eq 3 ]; then echo "success on $attempt"; break; fi
  echo "failed $attempt"
done
