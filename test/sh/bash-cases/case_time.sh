# case ;& and ;;&, the time keyword, type of keywords.
case x in x) echo a ;& y) echo b ;; z) echo c ;; esac
case x in x) echo c ;;& x) echo d ;;& *) echo e ;; esac
case y in x) echo no ;;& y) echo yes ;& z) echo fall ;; esac
{ time -p true; } 2>&1 | sed 's/[0-9]/N/g'
{ time true; } 2>&1 | sed 's/[0-9]/N/g'
TIMEFORMAT='%R|%0R|%lR'
{ time sleep 0; } 2>&1 | sed 's/[0-9]/N/g'
time ! false
echo "status $?"
{ time; } 2>&1 | wc -l
type time
f() { time -p true | cat; }
f 2>/dev/null
echo done
