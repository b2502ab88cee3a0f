if true; then echo t1; fi
if false; then echo no; elif true; then echo elif; else echo no; fi
if false; then :; else echo else; fi
if false; then :; fi; echo "status $?"
for w in apple banana cherry date "star*" '[x]' ''; do
  case $w in
    a*) echo "A $w";;
    b?n*|c*) echo "BC $w";;
    [d-e]ate) echo "D $w";;
    'star*') echo "literal star";;
    \[x\]) echo bracket;;
    "") echo empty;;
    *) echo "other $w";;
  esac
done
case x in (x) echo paren;; esac
case abc in *b*) echo mid ;; esac
case a in
  b) echo no ;;
esac
echo "case status $?"
case y in y) ;; esac
x='*'
case abc in $x) echo "unquoted var pattern";; esac
case abc in "$x") echo no;; *) echo "quoted var pattern";; esac
case '[' in [[]) echo lbracket;; esac
case 'a]' in *]) echo rbracket;; esac
case - in [!a-z]) echo notalpha;; esac
case B in [[:upper:]]) echo upper;; esac
