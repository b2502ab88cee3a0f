true && echo and1
false && echo no
false || echo or1
true || echo no
false && echo no || echo chain
true && false || echo chain2
true; echo $?
false; echo $?
{ false; true; } && echo group
