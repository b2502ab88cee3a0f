fact() {
  if [ $1 -le 1 ]; then echo 1; return; fi
  echo $(( $1 * $(fact $(( $1 - 1 ))) ))
}
fact 10
fib() { [ $1 -lt 2 ] && { echo $1; return; }; echo $(( $(fib $(($1-1))) + $(fib $(($1-2))) )); }
fib 10
