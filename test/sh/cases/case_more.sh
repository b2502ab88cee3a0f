for x in '' 'a b' '*' '-' 'A' 'ab' 'a.b' '\'; do
  case $x in
    '') echo empty;;
    'a b') echo space;;
    \*) echo star;;
    -) echo dash;;
    [[:upper:]]) echo upper;;
    a?) echo a-any;;
    *.*) echo dot;;
    \\) echo backslash;;
  esac
done
case foo in f*o|bar) echo multi;; esac
case "" in *) echo matches-empty;; esac
v=abc
case $v in a*c) echo glob;; esac
case 'x|y' in 'x|y') echo literal-pipe;; esac
case 5 in [0-9]) echo digit;; esac
case . in ?) echo question;; esac
case é in ??) echo two-bytes;; ?) echo one;; esac
