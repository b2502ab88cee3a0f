f() 
{ echo x; }
f
for x in a b; echo $x; done
