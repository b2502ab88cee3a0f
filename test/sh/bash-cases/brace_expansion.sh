echo {a,b}c pre{1,2,3}post
echo {1..5} {5..1} {a..e} {1..10..3} {01..03}
echo {x,y}{1,2}
echo "{a,b}" '{c,d}' \{e,f\}
echo {single} {} {,a} a{,b}
x=v; echo {$x,w}
for i in {1..3}; do echo "i$i"; done
